"""Synthetic TPPS networks on the real region tree (`tpps generate`)."""
