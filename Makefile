# evaluatie — the front door. `make help` lists the targets.
# On a fresh machine `make reports` and `make test` create the environment themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.geinstalleerd
DEV_STAMP := $(VENV)/.geinstalleerd-dev
RAW := data/raw
PROCESSED := data/processed

.DEFAULT_GOAL := help
.PHONY: help env data reports werksessie echte-netwerken test test-fast lint lab voorbeelddata benchmark benchmark-toetsen benchmark-rapporten browser libreoffice r js kernel lock clean

help: ## Toon deze lijst met opdrachten
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

# install(lock file): the versions of that lock file, with uv (falls back to pip), then this package itself.
# Everything is compiled to bytecode at set-up: where PYTHONDONTWRITEBYTECODE is set (as on the project's
# machines) Python would otherwise compile every imported module again in every process, ~4 s per kernel,
# batch and forkserver start.
define install
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@if $(BIN)/python -m pip install --quiet --disable-pip-version-check uv >/dev/null 2>&1 \
		&& $(BIN)/python -m uv pip install --quiet --compile-bytecode --python $(BIN)/python -r $(1) \
		&& $(BIN)/python -m uv pip install --quiet --python $(BIN)/python --no-deps -e . ; then \
		echo "Omgeving bijgewerkt met uv (versies uit $(1))."; \
	else \
		echo "uv niet beschikbaar: installeren met pip (versies uit $(1))..."; \
		$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(1) \
		&& $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e . ; \
	fi
	$(BIN)/python -m compileall -q -j 0 evaluatie >/dev/null
	$(BIN)/python -m ipykernel install --sys-prefix --name evaluatie --display-name "Python (evaluatie)" >/dev/null
endef

# What `make reports` needs: the package and its dependencies, no test tools and no JupyterLab.
$(STAMP): pyproject.toml requirements.lock
	$(call install,requirements.lock)
	@touch $(STAMP)

# What `make test` and `make lab` add: the test tools, the linter and JupyterLab (requirements-dev.lock
# holds the same versions as requirements.lock for every package the two share).
$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(call install,requirements-dev.lock)
	@touch $(DEV_STAMP)

env: $(STAMP) ## Maak de Python-omgeving (.venv) als die ontbreekt, met de versies uit requirements.lock

lock: $(STAMP) ## Leg de versies opnieuw vast in requirements.lock en requirements-dev.lock (na een wijziging in pyproject.toml)
	$(BIN)/python -m uv pip compile pyproject.toml --python-version 3.11 --no-header -o requirements.lock
	$(BIN)/python -m uv pip compile pyproject.toml --extra dev --extra lab -c requirements.lock --python-version 3.11 \
		--no-header -o requirements-dev.lock

data: $(STAMP) ## Schoon de ruwe gegevens op (data/raw -> data/processed)
	$(BIN)/evaluatie opschonen

reports: data ## Schrijf een HTML-rapport per pilotgemeente en reports/index.html
	$(BIN)/evaluatie rapporten

GEMEENTE ?=
werksessie: data js ## Dia's, posters, personakaarten en gespreksblad voor de werksessie (GEMEENTE=Polderwijk; zonder: alle)
	$(BIN)/evaluatie werksessie $(if $(GEMEENTE),-g "$(GEMEENTE)")

ECHT := tests/fixtures/echte-netwerken

echte-netwerken: $(STAMP) ## Rapporten van de echte netwerken in tests/fixtures/echte-netwerken (naar reports/echt/)
	@for netwerk in $(notdir $(patsubst %/data,%,$(wildcard $(ECHT)/*/data))); do \
		$(BIN)/evaluatie opschonen --ruw $(ECHT)/$$netwerk/data/raw --verwerkt reports/echt/$$netwerk/processed \
			--correcties reports/echt/geen-correcties.csv && \
		$(BIN)/evaluatie rapporten --verwerkt reports/echt/$$netwerk/processed --rapporten reports/echt/$$netwerk \
			|| exit 1; \
	done

test: $(DEV_STAMP) browser libreoffice r js lint ## Draai alle tests (en ruff)
	$(BIN)/python -m pytest

test-fast: $(DEV_STAMP) ## Draai de snelle tests (zonder papermill, browser en Hypothesis): de bewerkingslus, ca. 2 minuten
	$(BIN)/python -m pytest -m "not render and not browser and not slow"

lint: $(DEV_STAMP) ## Controleer de code met ruff (pyflakes, volgorde van imports, regellengte 120)
	$(BIN)/ruff check evaluatie tests benchmarks

browser: ## Installeer Chromium (Debian-pakket) voor de browsertest, als dat ontbreekt
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Chromium installeren (Debian-pakket chromium) voor de browsertest..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Let op: Chromium ontbreekt en kan hier niet worden geïnstalleerd (geen root/apt-get); de browsertest wordt overgeslagen."; \
	fi

libreoffice: ## Installeer LibreOffice Calc (Debian-pakket) voor de test van de vragenlijsten, als dat ontbreekt
	@if command -v soffice >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "LibreOffice Calc installeren (Debian-pakket libreoffice-calc) voor de vragenlijsttest..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			libreoffice-calc >/dev/null; \
	else \
		echo "Let op: LibreOffice ontbreekt en kan hier niet worden geïnstalleerd; die test wordt overgeslagen."; \
	fi

r: ## Installeer R met igraph en network (Debian-pakketten) voor de test die de netwerkbestanden in R inleest, als dat ontbreekt
	@if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(igraph); library(network)' >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "R installeren (Debian-pakketten r-base-core, r-cran-igraph, r-cran-network) voor de test van de netwerkbestanden..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			r-base-core r-cran-igraph r-cran-network >/dev/null; \
	else \
		echo "Let op: R ontbreekt en kan hier niet worden geïnstalleerd; de R-test van de netwerkbestanden wordt overgeslagen."; \
	fi

JS_STAMP := node_modules/.evaluatie-js

$(JS_STAMP): package.json package-lock.json
	@if ! command -v npm >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Node.js en npm installeren (Debian-pakketten nodejs, npm) voor reveal.js en de toegankelijkheidstest..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	fi
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $(JS_STAMP); \
	else \
		echo "Let op: npm ontbreekt en kan hier niet worden geïnstalleerd; zonder reveal.js maakt 'evaluatie werksessie' geen dia's en de toegankelijkheidstest (axe-core) wordt overgeslagen."; \
	fi

js: $(JS_STAMP) ## Installeer de JavaScript-pakketten: reveal.js (dia's van de werksessie) en axe-core (tests), met npm ci

kernel: $(STAMP) ## Meld de kernel 'evaluatie' aan bij uw eigen JupyterLab (in ~/.local/share/jupyter)
	$(BIN)/python -m ipykernel install --user --name evaluatie --display-name "Python (evaluatie)"

lab: $(DEV_STAMP) ## Open JupyterLab in notebooks/ (uw eigen notebooks horen in notebooks/verkenning/)
	$(BIN)/jupyter lab notebooks/

voorbeelddata: $(STAMP) ## Maak de fictieve voorbeeldgegevens in data/raw opnieuw (vast zaadgetal)
	rm -rf $(RAW)/gemeenten.csv $(RAW)/organisaties $(RAW)/samenwerking $(RAW)/personas $(RAW)/indicatoren
	$(BIN)/python -m evaluatie.examples $(RAW)

benchmark: $(STAMP) ## Meet de snelheid van opschonen en ketenanalyse (drukt cijfers af)
	$(BIN)/python benchmarks/opschonen.py
	$(BIN)/python benchmarks/ketenanalyse.py

benchmark-toetsen: $(DEV_STAMP) ## Meet onterechte en terechte uitslagen van de veranderingstoetsen (2.000 panels, ~30 s)
	$(BIN)/python benchmarks/toetsen.py 2000

benchmark-rapporten: $(STAMP) ## Meet evaluatie rapporten tegen de papermill+nbconvert-lus (24 gemeenten) en alle 342 gemeenten (~15 min)
	$(BIN)/python benchmarks/rapporten.py --gemeenten 24 --alle

clean: ## Verwijder gegenereerde gegevens, rapporten, werkboeken en vingerafdrukken (niet data/raw)
	rm -rf $(PROCESSED) data/.processed.* reports/echt reports/*.html reports/*.xlsx reports/*.pdf reports/mislukt reports/.vingerafdrukken.json reports/*-netwerken
