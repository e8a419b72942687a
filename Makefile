# Cakupan — two commands from a clean clone on Debian 12 with Swift 6:
#   make demo   install what is missing, build, analyze the fictional demo into out/demo
#   make test   install what is missing, run every test
SWIFT ?= swift
OUT ?= out/demo
PEER_VENV ?= .venv-peer

.PHONY: deps build demo test test-swift test-peer test-browser generate-demo clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product cakupan

demo: build
	.build/release/cakupan analyze geodata/demo/operation.yaml --out $(OUT) --format kml,gpkg --briefing

test: deps
	@scripts/install-deps.sh test
	$(SWIFT) test
	$(MAKE) test-peer

# The independent GeoPandas/Shapely computation of the same definitions must agree with Cakupan.
test-peer: build
	@test -x $(PEER_VENV)/bin/python || (python3 -m venv $(PEER_VENV) && $(PEER_VENV)/bin/pip install -q -r benchmarks/peers/requirements.txt)
	.build/release/cakupan analyze geodata/demo/operation.yaml --out out/peer-check/cakupan --quiet
	$(PEER_VENV)/bin/python benchmarks/peers/geopandas_analyze.py geodata/demo/operation.yaml --out out/peer-check/peer
	$(PEER_VENV)/bin/python benchmarks/peers/compare.py out/peer-check/cakupan out/peer-check/peer

generate-demo:
	python3 tools/generate.py demo --seed 2024 --out geodata/demo

clean:
	rm -rf .build out
