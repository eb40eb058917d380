"""The national region tree (Kemendagri codes) and matching of region names."""
