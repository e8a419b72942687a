#!/usr/bin/env python3
"""Prints the corpus table of docs/robustness.md: each case, what it is, and what the binary does.

    Tests/Corpus/table.py .build/debug/cakupan > /tmp/table.md
"""
import json
import pathlib
import subprocess
import sys
import tempfile

binary = pathlib.Path(sys.argv[1]).resolve()
root = pathlib.Path(__file__).resolve().parent
print("| case | input | exit | message (stderr) / warning_counts |")
print("|---|---|---|---|")
for case in sorted(p for p in root.iterdir() if (p / "expected.json").exists()):
    e = json.loads((case / "expected.json").read_text())
    args = list(e["args"])
    with tempfile.TemporaryDirectory() as tmp:
        if "--out" not in args:
            args += ["--out", f"{tmp}/result"]
        run = subprocess.run([str(binary), "analyze", *args, "--quiet"], cwd=case, capture_output=True, text=True)
        outcome = ""
        if run.returncode == 0:
            summary = json.loads(pathlib.Path(tmp, "result", "summary.json").read_text())
            counts = summary.get("warning_counts", {})
            outcome = ", ".join(f"{k}: {v}" for k, v in counts.items()) or "no warnings"
            warnings = [l for l in run.stderr.splitlines() if l.startswith("cakupan: warning: ")]
            if warnings:
                outcome += " — " + warnings[0].removeprefix("cakupan: warning: ")
        else:
            lines = [l for l in run.stderr.splitlines() if "error:" in l.lower()]
            outcome = (lines[0] if lines else run.stderr.strip()).removeprefix("cakupan: error: ")
    outcome = outcome.replace("|", "\\|").replace(str(case) + "/", "")
    print(f"| `{case.name}` | {e['about']} | {run.returncode} | {outcome} |")
