# Developer tasks. `make run` and `make test` are all a fresh clone needs.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/tpps.db
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install lock run serve seed demo test lint schema bench bench-national bench-peer clean neo4j web chromium

install: $(STAMP) web chromium

# The explorer and GraphiQL: npm packages from the lock file, bundled by vite into
# web/dist (served by the app; nothing from a CDN). Skipped, with a note, without Node.
WEB_STAMP := web/dist/.built
web: $(WEB_STAMP)

$(WEB_STAMP): web/package.json web/package-lock.json web/vite.config.js web/index.html \
		web/graphiql.html $(wildcard web/src/*)
	@if command -v npm >/dev/null; then \
		cd web && npm ci --no-audit --no-fund && npm run build && touch dist/.built; \
	else echo "Node 20 + npm not found: the explorer and GraphiQL are not built (see README)"; fi

# Debian's Chromium for the browser tests (Playwright's own download does not work offline).
chromium:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq chromium; \
		else echo "chromium is missing: run 'apt-get install -y chromium' as root (browser tests need it)"; fi; }

# Pinned, hash-checked dependencies from the lock (runtime + dev), then the project itself,
# editable, without letting pip resolve anything anew (setuptools comes from the lock too).
$(STAMP): pyproject.toml requirements-dev.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

# Regenerate the locks from pyproject.toml after changing a dependency. Pins already in the
# locks are kept where they still fit; UPGRADE=1 moves every pin to the newest allowed.
# requirements.lock (runtime, what the Docker image installs) takes the dev lock's pins.
LOCK_FLAGS := --universal --python-version 3.11 --generate-hashes --custom-compile-command "make lock"
lock:
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install -q 'uv>=0.9,<1'
	$(BIN)/uv pip compile -q $(LOCK_FLAGS) $(if $(UPGRADE),--upgrade,) --extra dev \
		-o requirements-dev.lock pyproject.toml
	$(BIN)/uv pip compile -q $(LOCK_FLAGS) -c requirements-dev.lock \
		-o requirements.lock pyproject.toml

# The seed facts; with ../shared/seeds beside the project (TPPS_SEEDS) their sentences too.
seed: install
	$(BIN)/tpps load regions --db $(DB)
	$(BIN)/tpps load seeds --db $(DB)

run: seed
	$(BIN)/tpps serve --db $(DB) --host $(HOST) --port $(PORT)

# The seed facts with a generated Kota Semarang next to them, in a store of its own (so
# `make run` keeps serving the seeds alone); every generated fact cites a source the API
# and the explorer mark "synthetic". DEMO_YEARS/DEMO_SEED pick the network.
DEMO_DB ?= data/demo.db
DEMO_REGION ?= 33.74
DEMO_YEARS ?= 2
DEMO_SEED ?= 1
demo: install
	$(BIN)/tpps load regions --db $(DEMO_DB)
	$(BIN)/tpps load seeds --db $(DEMO_DB)
	$(BIN)/tpps generate --region $(DEMO_REGION) --years $(DEMO_YEARS) --seed $(DEMO_SEED) --db $(DEMO_DB)
	$(BIN)/tpps serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

test: lint
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy api graph loaders cli neo4j_server

schema: install
	$(BIN)/tpps schema > schema.graphql

bench: install
	$(BIN)/python bench/api_page.py

# National-scale load, projection and measures beside igraph/networkit (QUARTER=1: quick).
bench-national: install
	$(BIN)/python bench/national.py $(if $(QUARTER),--quarter,) $(if $(NEO4J),--neo4j $(NEO4J),)

clean:
	rm -rf $(VENV) data .pytest_cache web/dist web/node_modules tests/browser/artefacts

# A real Neo4j 5.26 in the foreground (NEO4J_PORT, default 7687; auth with NEO4J_PASSWORD).
neo4j: install
	$(BIN)/python -m neo4j_server

# tpps-graph against @neo4j/graphql on one Neo4j and dataset (bench/peer/run.py; ~10 min).
.PHONY: bench-peer
bench-peer: install
	$(BIN)/python bench/peer/run.py $(ARGS)
