SHELL := /bin/bash
.DEFAULT_GOAL := help
ARGS ?=

.PHONY: help deps tools lint typecheck test demo dev stack-up stack-down eval clean

# Every target runs on Node >= 22.13: the machine's when it is recent enough, otherwise a pinned Node 22 that
# scripts/stack/provide-node.sh fetches once from the npm registry into ~/.cache/switchboard/node and puts first
# on PATH here, so npm ci, npx, jest and every script (and what they spawn) use it. `make help` fetches nothing.
ifneq ($(filter-out help,$(or $(MAKECMDGOALS),$(.DEFAULT_GOAL))),)
NODE_BIN := $(shell bash scripts/stack/provide-node.sh)
ifneq ($(.SHELLSTATUS),0)
$(error no Node >= 22.13 (see the provide-node message above))
endif
ifneq ($(NODE_BIN),)
export PATH := $(NODE_BIN):$(PATH)
# Native addons built by npm (node-gyp) use this Node's headers, not those a machine-wide nodedir points at.
export npm_config_nodedir := $(patsubst %/,%,$(dir $(NODE_BIN)))
endif
endif

help:
	@echo "make demo   set everything up and run the ticket demo (ARGS=--once to exit when done)"
	@echo "make test   set everything up and run lint, type checks and all test tiers"

# npm ci writes node_modules/.package-lock.json, so it reruns only when the lock file changes.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

deps: node_modules/.package-lock.json

# Test-only tools from the machine's package sources, cached outside the clone: Chromium, the compose plugin, and
# the official Temporal server and temporal-sql-tool the cluster profile runs (built with Go once).
tools:
	@bash scripts/stack/install-chromium.sh
	@bash scripts/stack/compose-plugin.sh
	@bash scripts/stack/temporal-server-build.sh

lint: deps
	npx eslint .
	npx prettier --check .

typecheck: deps
	npx tsc -p tsconfig.json --noEmit

test: lint typecheck tools
	@mkdir -p .data
	@status=0; npx jest --ci --json --outputFile=.data/jest-results.json || status=$$?; \
	  npx tsx scripts/test-summary.ts .data/jest-results.json; exit $$status

demo: deps
	npx tsx scripts/demo.ts $(ARGS)

dev: deps
	npx tsx scripts/dev.ts

stack-up: deps
	npx tsx scripts/stack/cli.ts up --profile dev --detach

stack-down:
	npx tsx scripts/stack/cli.ts down --profile dev

eval: deps
	npm run eval:intents

clean:
	-npx tsx scripts/stack/cli.ts down --profile dev
	-npx tsx scripts/stack/cli.ts down --profile test
	rm -rf .data reports
