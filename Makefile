# Podium: `make demo` builds the demo warehouse and serves the dashboards; `make test` proves it.
SHELL := /bin/bash
.DEFAULT_GOAL := demo

PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv

# Every setting (`export PODIUM_<NAME> ?= <default>`) and its default, as written once in
# settings/environment.py: make remakes this fragment when the module changes and reads it. The
# module needs only the standard library, so the system python3 runs it before .venv exists.
SETTINGS_MK := $(VENV)/settings.mk
include $(SETTINGS_MK)

export DBT_PROFILES_DIR := $(CURDIR)/dbt_project
export PATH := $(CURDIR)/$(BIN):$(PATH)
export PYTHONPATH := $(CURDIR)

MANIFEST := dbt_project/target/manifest.json
DBT_SOURCES := $(shell find dbt_project -path dbt_project/target -prune -o -type f \( -name '*.sql' -o -name '*.yml' -o -name '*.csv' \) -print)

.PHONY: setup manifest demo-data instance build demo dashboards sponsor-dashboards dagster watch docs docs-serve browser export check protocol analyst-docs test test-unit bench lint format clean

$(SETTINGS_MK): settings/environment.py
	@mkdir -p $(VENV)
	$(PYTHON) -m settings.environment --make > $@.tmp && mv $@.tmp $@

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet "uv==$(UV_VERSION)"

$(BIN)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --quiet
	touch $@

setup: $(BIN)/.synced ## Create .venv from uv.lock

$(MANIFEST): $(BIN)/.synced $(DBT_SOURCES)
	$(BIN)/python -m orchestration.prepare

manifest: $(MANIFEST) ## Parse the dbt project (the manifest is built, never committed)

demo-data: setup ## Generate the demo drop folder if it is absent
	@if [ "$(PODIUM_DATA_DIR)" = "$(PODIUM_DATA_DIR_DEFAULT)" ] && [ ! -d "$(PODIUM_DATA_DIR)" ]; then \
		$(BIN)/python -m demo.generate "$(PODIUM_DATA_DIR)"; fi

# One writer at a time: the project's dagster.yaml (run and pool limits) in $DAGSTER_HOME.
instance: setup ## Install the project's dagster.yaml into $DAGSTER_HOME
	$(BIN)/python -m orchestration.instance

build: setup manifest demo-data instance ## Materialize every asset and publish the warehouse
	$(BIN)/podium build

demo: build ## Build the demo warehouse, then serve the dashboards
	@echo "Dagster's UI on the same project: make dagster (http://localhost:3000)"
	$(MAKE) dashboards

dashboards: setup ## Serve the organizers' dashboards on $PODIUM_PORT
	$(BIN)/podium serve organizer

sponsor-dashboards: setup ## Serve the sponsors' dashboards on $PODIUM_SPONSOR_PORT
	$(BIN)/podium serve sponsor

dagster: setup manifest instance ## Dagster's UI on the project
	$(BIN)/dagster dev -m orchestration.definitions

# PODIUM_WATCH=1 turns the watch_drop_folder sensor on (orchestration/sensors.py).
watch: setup manifest demo-data instance ## Dagster's daemon and UI, building $PODIUM_DATA_DIR whenever it changes
	PODIUM_WATCH=1 $(BIN)/dagster dev -m orchestration.definitions

# dbt docs read the schema of a built warehouse: a private copy of the published file, so
# readers of the published file are never locked out and the build file is never touched.
WAREHOUSE_DIR = $(patsubst %/,%,$(dir $(PODIUM_WAREHOUSE)))
DOCS_DIR = $(WAREHOUSE_DIR)/docs
DOCS_DB = $(WAREHOUSE_DIR)/.docs/podium.duckdb

docs: setup manifest ## dbt docs of the warehouse as a static site in $(DOCS_DIR)
	@test -f "$(PODIUM_WAREHOUSE)" || $(MAKE) build
	mkdir -p "$(dir $(DOCS_DB))" "$(DOCS_DIR)"
	cp "$(PODIUM_WAREHOUSE)" "$(DOCS_DB)"
	cd dbt_project && PODIUM_BUILD_DB="$(abspath $(DOCS_DB))" $(CURDIR)/$(BIN)/dbt docs generate \
		--static --quiet --target-path "$(abspath $(DOCS_DIR))"
	rm -f "$(DOCS_DB)"
	@echo "dbt docs: $(abspath $(DOCS_DIR))/static_index.html (one file), or make docs-serve"

docs-serve: docs ## Serve the dbt docs on $PODIUM_DOCS_PORT
	$(BIN)/python -m http.server $(PODIUM_DOCS_PORT) --directory "$(DOCS_DIR)"

CHROMIUM := /usr/bin/chromium

# The browser test drives Debian's Chromium; Playwright cannot download a browser here.
browser: ## Install Debian's chromium when it is missing (root with apt, as in CI)
	@[ -x $(CHROMIUM) ] || { \
		echo "chromium is missing: installing Debian's chromium"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
		else sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; fi; }

# FORMAT: parquet (the default), csv or xlsx: `make export FORMAT=xlsx`.
export: setup ## Every table of marts and sponsor as Parquet (or $FORMAT) files in $PODIUM_EXPORT_DIR
	$(BIN)/podium export $(if $(FORMAT),--format $(FORMAT))

check: setup manifest ## Every ingest finding and violation of $PODIUM_DATA_DIR, publishing nothing
	$(BIN)/podium check $(PODIUM_DATA_DIR)

# EDITION: one edition only, `make protocol EDITION=PCCA-2026`; the language is $PODIUM_LANG.
protocol: setup ## The jury protocol of each edition (XLSX and PDF) in $PODIUM_EXPORT_DIR/protocol
	$(BIN)/podium protocol $(if $(EDITION),--edition $(EDITION))

analyst-docs: setup ## Refresh the schema section of docs/analysts.md and README's settings, limits and probe statuses tables
	$(BIN)/python docs/generate_schema.py
	$(BIN)/python -m docs.generate_limits
	$(BIN)/python -m docs.generate_statuses
	$(BIN)/python -m settings.readme

test: setup manifest browser analyst-docs ## The whole test suite (refreshing the guide's schema first)
	$(BIN)/pytest --durations=30

# Two processes (one per core here), a test file each at a time: the modules' own fixtures
# (a Great Expectations run, a generated drop folder) are made once.
test-unit: setup manifest ## The unit tests only (tests/unit: no build, under a minute)
	$(BIN)/pytest -n auto --dist loadfile tests/unit

# Entries per benchmark scale: `make bench SCALE=10000` or `make bench SCALES="1000 10000 100000"`;
# `many` is one contest of 100 editions (2,500 catalog categories, 12,000 entries, no media).
# BENCH_ARGS: more options of benchmarks.run (e.g. --one-per-category-checks, --reuse-drop).
SCALE ?=
SCALES ?= $(if $(SCALE),$(SCALE),1000)
BENCH_ARGS ?=

bench: setup manifest ## Benchmarks at each scale in $SCALES (entries, or many), written to BENCHMARKS.md
	@[ "$(strip $(filter-out many,$(SCALES)))" = "" ] || command -v ffprobe >/dev/null || { \
		echo "ffprobe is missing: installing Debian's ffmpeg"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y ffmpeg; \
		else sudo apt-get update && sudo apt-get install -y ffmpeg; fi; }
	$(BIN)/python -m benchmarks.run --scales $(SCALES) $(BENCH_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf dbt_project/target dbt_project/logs warehouse .dagster
