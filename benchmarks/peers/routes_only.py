#!/usr/bin/env python3
"""Writes a copy of an operation.yaml without GPS tracks, with its paths made absolute.

Usage: routes_only.py OPERATION.yaml OUT.yaml

The GeoPandas peer implements the spatial definitions (routes, sites, zones, areas); GPS tracks also
count as routes in Cakupan, and the time-based peer (geopandas_temporal.py) checks those. The peer
check of the demo therefore compares the two on the routes alone.
"""
import os
import sys

import yaml


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    base = os.path.dirname(os.path.abspath(source))
    with open(source, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    config.pop("tracks", None)
    for key in ("areas", "sites", "rawan"):
        if isinstance(config.get(key), str):
            config[key] = os.path.join(base, config[key])
    patrols = config.get("patrols") or []
    if isinstance(patrols, str):
        patrols = [patrols]
    config["patrols"] = [os.path.join(base, p) for p in patrols]
    config = {k: v for k, v in config.items() if k in (
        "name", "areas", "sites", "rawan", "patrols", "radius", "rawan_radius", "min_zone_coverage", "crs")}
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        yaml.safe_dump(config, f, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    main()
