# evaluatie — the front door. `make help` lists the targets.
# On a fresh machine `make reports` and `make test` create the environment themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.geinstalleerd
RAW := data/raw
PROCESSED := data/processed

.DEFAULT_GOAL := help
.PHONY: help env data reports test lab voorbeelddata benchmark clean

help: ## Toon deze lijst met opdrachten
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

env: $(STAMP) ## Maak de Python-omgeving (.venv) als die ontbreekt

data: $(STAMP) ## Schoon de ruwe gegevens op (data/raw -> data/processed)
	$(BIN)/evaluatie opschonen

reports: data ## Schrijf een HTML-rapport per pilotgemeente en reports/index.html
	$(BIN)/evaluatie rapporten

test: $(STAMP) ## Draai alle tests
	$(BIN)/python -m pytest

lab: $(STAMP) ## Open JupyterLab in notebooks/
	$(BIN)/jupyter lab notebooks/

voorbeelddata: $(STAMP) ## Maak de fictieve voorbeeldgegevens in data/raw opnieuw (vast zaadgetal)
	rm -rf $(RAW)/gemeenten.csv $(RAW)/organisaties $(RAW)/samenwerking $(RAW)/personas $(RAW)/indicatoren
	$(BIN)/python -m evaluatie.synthetic $(RAW)

benchmark: $(STAMP) ## Meet de snelheid van opschonen en ketenanalyse (drukt cijfers af)
	$(BIN)/python benchmarks/opschonen.py
	$(BIN)/python benchmarks/ketenanalyse.py

clean: ## Verwijder gegenereerde gegevens en rapporten (niet data/raw)
	rm -rf $(PROCESSED) reports/*.html reports/mislukt
