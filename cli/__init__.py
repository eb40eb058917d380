"""The `tpps` command: a thin face over the same functions the API uses."""
