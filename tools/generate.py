#!/usr/bin/env python3
"""Seeded, deterministic generator of Cakupan demo and scenario data (Python 3 standard library only).

The same seed always gives byte-identical files.

Subcommands:

  demo       The committed demo of the FICTIONAL Kabupaten Sukamaju: 10 kecamatan (a clean partition
             with a MultiPolygon and an enclave hole), 150 sites (Excel-style CSV), 15 rawan zones,
             10 planned KML routes, 4 GPX tracks, a day of GPS fixes of 6 units, operation.yaml and a
             README with the expected figures.
               python3 tools/generate.py demo --seed 2024 --out geodata/demo

  week       A week of GPS fixes for the demo (one CSV per day, a site neglected three days running and a
             rawan zone whose attendance falls), for the history store: geodata/demo/week.
               python3 tools/generate.py week --seed 2024 --out geodata/demo/week

  scenario   A scaled scenario on any boundary layer (GeoJSON (Multi)Polygons): sites clustered around
             settlements, rawan zones (polygons and points with radius_m), routes (random walks along
             plausible headings), optional GPS fixes (streamed, sorted by time) and operation.yaml
             pointing at the boundary file (it is not copied).
               python3 tools/generate.py scenario --boundaries PATH.geojson --sites 25000 --zones 2000 \\
                   --routes 3000 --route-km 10 --units 200 --fixes 100000 --seed 7 --out /tmp/sc

             Field-like: --route-style roads (routes along a shared road network) and --gps-style field
             --days 1 (units driving between sites with stops, jitter, drop-outs and jumps).

  national   The same on synthetic square-ish areas over Indonesia's extent (95-141 E, 11 S-6 N) in
             island-like clusters spanning UTM zones 46-54; also writes areas.geojson.
               python3 tools/generate.py national --areas 7300 --sites 820000 --routes 50000 --seed 7 \\
                   --out /tmp/nat

Zone spread (scenario, national): `cluster` (default) puts most zones near settlements of a few hot
areas; `national` spreads them over every area, weighted by area.
"""

import argparse
import os
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from geo_gen import demo, demo_write  # noqa: E402


def cmd_demo(args):
    """Build and write the demo."""
    b = demo.DemoBuilder(args.seed).build()
    demo_write.write_demo(b, args.out, args.seed)


def cmd_week(args):
    """Build the demo and write a week of its fixes."""
    from geo_gen import week
    b = demo.DemoBuilder(args.seed).build()
    week.write_week(b, args.out)


def cmd_scenario(args):
    """Build a scenario on a boundary layer."""
    from geo_gen import scenario
    scenario.run_boundaries(args)


def cmd_national(args):
    """Build a scenario on synthetic national areas."""
    from geo_gen import scenario
    scenario.run_national(args)


def add_scaled_options(p, sites, zones, routes):
    """Options shared by `scenario` and `national`."""
    p.add_argument("--sites", type=int, default=sites, help="number of sites")
    p.add_argument("--zones", type=int, default=zones, help="number of rawan zones")
    p.add_argument("--routes", type=int, default=routes, help="number of routes")
    p.add_argument("--route-km", type=float, default=10.0, help="length of each route in km")
    p.add_argument("--units", type=int, default=100, help="number of GPS units")
    p.add_argument("--fixes", type=int, default=0, help="total number of GPS fixes (0: no fixes.csv)")
    p.add_argument("--zone-spread", choices=["cluster", "national"], default="cluster",
                   help="cluster: around settlements of a few hot areas; national: over every area")
    p.add_argument("--route-style", choices=["walk", "roads"], default="walk",
                   help="walk: random walks; roads: along a shared road network (tools/geo_gen/roads.py)")
    p.add_argument("--road-share", type=float, default=0.9, help="roads: share of the routes on the network")
    p.add_argument("--gps-style", choices=["route", "field"], default="route",
                   help="route: units driving their route back and forth every 30 s; field: units driving "
                        "the road network between sites with stops, jitter, drop-outs and jumps")
    p.add_argument("--days", type=float, default=1.0, help="field GPS: days the fixes span")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--out", required=True, help="output folder")


def main(argv=None):
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("demo", help="the committed demo of the fictional Kabupaten Sukamaju")
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--out", default="geodata/demo")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("week", help="a week of the demo's GPS fixes, for the history store")
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--out", default="geodata/demo/week")
    p.set_defaults(func=cmd_week)
    p = sub.add_parser("scenario", help="scaled scenario on a boundary layer")
    p.add_argument("--boundaries", required=True, help="GeoJSON of (Multi)Polygon areas")
    add_scaled_options(p, 25000, 2000, 3000)
    p.set_defaults(func=cmd_scenario)
    p = sub.add_parser("national", help="scaled scenario on synthetic areas over Indonesia")
    p.add_argument("--areas", type=int, default=7300, help="number of synthetic areas")
    add_scaled_options(p, 820000, 20000, 50000)
    p.set_defaults(func=cmd_national)
    args = ap.parse_args(argv)
    t0 = time.time()
    args.func(args)
    print(f"{args.command}: wrote {args.out} in {time.time() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
