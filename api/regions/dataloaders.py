"""Loaders for regions: by code, their children and their measurements."""

from api.loading import by_key

region_by_code = by_key(lambda c: c.store.regions)
children_of_region = by_key(lambda c: c.store.children_of_regions, default=list)
measurements_of_region = by_key(lambda c: c.store.measurements_of_regions, default=list)
measurement_by_id = by_key(lambda c: c.store.measurements)
