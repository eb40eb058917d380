"""Network measures on projections of the stored graph, grouped by purpose.

NetworkX is the reference for every measure; each measure is one function that may
hand a large graph to igraph (engines.py), and tests hold the two to the same answers.
"""
