#!/usr/bin/env python3
"""An independent RFC 7946 check of a Cakupan result folder, with the geojson-validator package.

Usage: rfc7946_check.py RESULT_DIR

Fails (exit 1) when any layer has a structural error (RFC 7946 members, a `crs` member, bad types) or
an invalid geometry by the package's criteria: unclosed rings, rings with fewer than three unique
nodes, exterior rings not counter-clockwise, interior rings not clockwise. The package's 'problematic'
notes are printed, not failed: it flags more than 6 decimals, and Cakupan writes 7 (about 1 cm),
as the RFC allows.
"""
import glob
import json
import logging
import os
import sys

import geojson_validator as gv

logging.disable(logging.CRITICAL)
try:  # the package logs through loguru
    from loguru import logger

    logger.remove()
except ImportError:
    pass


def main() -> int:
    folder = sys.argv[1]
    failed = False
    for path in sorted(glob.glob(os.path.join(folder, "*.geojson"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        structure = gv.validate_structure(data, check_crs=True)
        geometries = gv.validate_geometries(data)
        invalid = geometries.get("invalid", {})
        notes = sorted(geometries.get("problematic", {}))
        ok = not structure and not invalid and "bbox" in data and "crs" not in data
        failed |= not ok
        print(f"{os.path.basename(path)}: {'ok' if ok else 'FAILED'}"
              f"{' structure ' + json.dumps(structure) if structure else ''}"
              f"{' invalid ' + json.dumps(invalid) if invalid else ''}"
              f"{' (notes: ' + ', '.join(notes) + ')' if notes else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
