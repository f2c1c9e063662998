# Vitrine — every task of the project. `make` alone lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
CMS_PORT ?= 8081
SETTINGS ?= $(or $(VITRINE_SETTINGS),pelicanconf.py)
# Always run the code of this checkout (a server's shared venv may serve several checkouts).
VITRINE := $(BIN)/python -m vitrine.cli
DEPS_HASH := $(shell cat pyproject.toml | sha1sum | cut -c1-12)
STAMP := $(VENV)/.installed-$(DEPS_HASH)

.DEFAULT_GOAL := help
.PHONY: help install system-deps html serve devserver cms check test audit lint clean new-story bench bench-cards docs

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): # the name holds the hash of pyproject.toml: no mtime check
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11+ is required ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP) ## Create .venv and install Python dependencies

# Tools the tests use on the built site: Chromium (axe-core), Java (Nu HTML checker), npm packages.
SYSTEM_PACKAGES := chromium fonts-dejavu-core openjdk-17-jre-headless
system-deps: ## Install Chromium, Java and fonts (apt-get, as root) for the site audit
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing java"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES); \
	  elif [ "$$CI" = true ]; then \
	    echo "missing:$$missing; install the Debian packages $(SYSTEM_PACKAGES) (needs root)"; exit 1; \
	  else \
	    echo "note: missing$$missing; the site audit tests will be skipped." \
	         "Install: sudo apt-get install $(SYSTEM_PACKAGES)"; \
	  fi; \
	fi

node_modules/.installed: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; \
	elif [ "$$CI" = true ]; then echo "npm is required (Debian: apt-get install npm)"; exit 1; \
	else echo "note: npm is missing; the site audit tests will be skipped."; fi

html: install node_modules/.installed ## Build the site into output/ (atomically; SETTINGS=publishconf.py for production, strict)
	$(VITRINE) build --settings $(SETTINGS) $(if $(filter publishconf.py,$(notdir $(SETTINGS))),--strict)

serve: html ## Install, build the demo region and serve it on http://127.0.0.1:8000
	$(VITRINE) serve --port $(PORT)

devserver: install node_modules/.installed ## Serve with live reload on content/theme/data/plugins changes (keeps the last search index, applies business record edits in place; make html re-indexes)
	$(VITRINE) serve --reload --port $(PORT)

# decap-server in Git mode: a draft is a cms/<collection>/<slug> branch of this checkout and
# publishing merges it into the current branch (the editorial workflow, as on the Git host).
cms: install node_modules/.installed ## Edit in the browser: site + editor on http://localhost:8000/admin/ (live reload), decap-server on :8081 committing to this checkout
	@command -v node >/dev/null || { echo "Node.js is required for decap-server (Debian: apt-get install nodejs npm)"; exit 1; }
	@echo "Editor: http://localhost:$(PORT)/admin/ (decap-server on 127.0.0.1:$(CMS_PORT) commits to this checkout)"
	@MODE=git GIT_REPO_DIRECTORY="$(CURDIR)" PORT=$(CMS_PORT) BIND_HOST=127.0.0.1 \
	  node node_modules/decap-server/dist/index.js & decap=$$!; \
	trap 'kill $$decap' EXIT INT TERM; \
	CMS_PORT=$(CMS_PORT) $(VITRINE) serve --reload --settings cmsconf.py --port $(PORT)

check: install ## Validate stories and data; any problem fails
	$(VITRINE) check

test: install lint system-deps node_modules/.installed ## Install and run every test
	$(BIN)/pytest

audit: install system-deps node_modules/.installed ## Build for a local origin, then axe, vnu, links, Lighthouse (OUTPUT=dir: audit that build)
	$(VITRINE) audit --settings $(SETTINGS) $(if $(OUTPUT),--output $(OUTPUT))

lint: install ## Check code style with ruff
	$(BIN)/ruff check .

bench: install node_modules/.installed ## Benchmarks: import and merge quality, directory speed (RECORDS=50000), builds (SIZES=1000)
	$(VITRINE) bench --records $(or $(RECORDS),50000) --json bench/results.json \
	  --sizes $(or $(SIZES),1000)

bench-cards: install node_modules/.installed ## Share cards' cost: cold and warm builds, cards off then on (SIZES=10000)
	$(BIN)/python -m vitrine.benchmarks --share-cards --sizes $(or $(SIZES),10000)

new-story: install ## Write a story skeleton: make new-story AUDIENCE=students TITLE="..."
	@test -n "$(AUDIENCE)" -a -n "$(TITLE)" || { echo 'usage: make new-story AUDIENCE=students TITLE="My title" [LANG=fr]'; exit 1; }
	$(VITRINE) new-story --audience "$(AUDIENCE)" --title "$(TITLE)" --lang "$(or $(LANG),fr)"

docs: install ## Regenerate docs/data.md from the data schemas
	$(BIN)/python -c "from vitrine.directory.docs import render; open('docs/data.md', 'w').write(render())"

clean: ## Remove built output, reports and caches
	rm -rf output .output.* reports .cache .pytest_cache
