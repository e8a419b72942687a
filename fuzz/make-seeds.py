#!/usr/bin/env python3
"""Writes fuzz/seeds/: every text input of Tests/Corpus, prefixed with the byte that makes the harness
(Sources/CakupanFuzz/Fuzz.swift) write it with its own extension and read it in a role that fits.
First byte b: kind = ["geojson", "csv", "kml", "gpx", "yaml"][b % 5]; role = (b >> 3) & 3
(0 areas, 1 sites, 2 rawan, 3 patrols)."""
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
kinds = {"geojson": 0, "json": 0, "csv": 1, "kml": 2, "gpx": 3, "yaml": 4}
roles = {"areas": 0, "sites": 1, "rawan": 2, "patrols": 3, "patrol": 3}


def selector(kind, role):
    for b in range(256):
        if b % 5 == kind and (b >> 3) & 3 == role:
            return b
    raise ValueError((kind, role))


out = root / "fuzz" / "seeds"
out.mkdir(exist_ok=True)
for old in out.iterdir():
    old.unlink()
count = 0
for path in sorted((root / "Tests" / "Corpus").glob("*/*")):
    ext = path.suffix.lstrip(".").lower()
    if ext not in kinds or path.name == "expected.json" or path.stat().st_size > 16384:
        continue
    role = roles.get(path.stem, 1)
    data = bytes([selector(kinds[ext], role)]) + path.read_bytes()
    (out / f"{path.parent.name}-{path.name}").write_bytes(data)
    count += 1
print(f"fuzz/seeds: {count} seeds")
