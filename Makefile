# Developer tasks. `make run` and `make test` are all a fresh clone needs.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/tpps.db
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run serve demo test lint schema bench bench-national clean neo4j

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

demo: install
	$(BIN)/tpps load regions --db $(DB)
	$(BIN)/tpps load json loaders/data/demo.json --db $(DB)

run: demo
	$(BIN)/tpps serve --db $(DB) --host $(HOST) --port $(PORT)

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
	$(BIN)/python bench/national.py $(if $(QUARTER),--quarter,)

clean:
	rm -rf $(VENV) data .pytest_cache

# A real Neo4j 5.26 in the foreground (NEO4J_PORT, default 7687; auth with NEO4J_PASSWORD).
neo4j: install
	$(BIN)/python -m neo4j_server
