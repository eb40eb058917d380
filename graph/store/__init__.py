"""Store backends behind one interface (see base.Store); `open_store` picks one from a URL."""

from graph.store.base import NotFound, Store, StoreError
from graph.store.factory import open_store

__all__ = ["NotFound", "Store", "StoreError", "open_store"]
