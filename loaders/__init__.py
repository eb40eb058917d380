"""Everything that brings data into the graph: structured files, articles, regions."""
