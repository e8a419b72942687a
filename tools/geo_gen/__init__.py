"""geo_gen: seeded, deterministic generator of Cakupan demo and scenario data (standard library only).

Modules:
  geom      planar geometry helpers (projection, rings, point-in-polygon, distances, indexes)
  fmt       number formatting and writers (GeoJSON, CSV, KML, GPX, YAML)
  names     invented Indonesian-sounding names and fixed vocabularies
  sites     site categories and priorities shared by every mode
  demo      the committed demo of the fictional Kabupaten Sukamaju (construction)
  demo_write  the demo's files, operation.yaml and README with the expected figures
  scenario  scaled scenarios on any boundary layer, and the synthetic national extent
"""
