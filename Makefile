# stackgate: every target runs on the Node 24 installed into .tools/ (see scripts/install-node.sh).
SHELL := /bin/bash
NODE_VERSION := 24.9.0
TOOLS := $(CURDIR)/.tools
export PATH := $(TOOLS)/bin:$(PATH)
# One bundle per entry point: dist/<entry>/index.js (ESM). lib/ holds tsc's output, which ncc bundles.
ENTRIES := cli validate stack-main stack-post aws composite-report
TEST_GLOB ?= lib/test/{unit,hostile}/**/*.test.js
INTEGRATION_GLOB ?= "lib/test/platform/**/*.test.js" "lib/test/consistency/**/*.test.js" "lib/test/e2e/**/*.test.js"

.PHONY: all tools deps compile build check-dist docs check-docs screenshot lint lint-tools lint-actions format typecheck test test-unit test-integration platform demo bench mutation clean

all: build

tools:
	@scripts/install-node.sh $(NODE_VERSION)

node_modules/.stamp: package.json package-lock.json | tools
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

deps: tools node_modules/.stamp

compile: deps
	@rm -rf lib
	npx tsc -p tsconfig.json

typecheck: compile

# ncc writes dist/<entry>/index.js plus a package.json {"type":"module"}; both are committed.
build: compile
	@for e in $(ENTRIES); do scripts/bundle.sh lib/src/entries/$$e.js dist/$$e || exit 1; done

check-dist: compile
	@rm -rf .cache/dist-check && mkdir -p .cache/dist-check
	@for e in $(ENTRIES); do scripts/bundle.sh lib/src/entries/$$e.js .cache/dist-check/$$e >/dev/null || exit 1; done
	@if ! diff -r -q dist .cache/dist-check >/dev/null; then \
	  echo "dist/ is stale: run 'make build' and commit dist/"; diff -r -q dist .cache/dist-check; exit 1; fi
	@echo "dist/ is current"

# The README's inputs/outputs tables (from every action.yml) and docs/rules/README.md's index (from the rule
# registry) are generated between marker comments; check-docs fails when they are stale.
docs: compile
	node lib/scripts/gen-docs.js --write

check-docs: compile
	node lib/scripts/gen-docs.js --check

# docs/images/job-summary.png from a real run of the validate and stack actions on examples/speedtest.
screenshot: build platform
	scripts/screenshot.sh

lint: deps
	npx biome check .

# actionlint, shellcheck, zizmor, check-jsonschema and act (the runner emulator of the e2e act tests).
lint-tools:
	@scripts/install-linters.sh

# Action metadata and workflows, as the ecosystem checks them (REFERENCE.md §8.2). actionlint lints the
# local actions' metadata only through test/workflows/uses-local-actions.yml's uses: ./… steps.
ACTION_FILES := $(shell find . -path ./node_modules -prune -o -path ./.tools -prune -o -path ./.git -prune -o \( -name action.yml -o -name action.yaml \) -print | sort)
WORKFLOW_FILES := $(wildcard .github/workflows/*.yml workflows/*.yml test/workflows/*.yml)
lint-actions: lint-tools
	check-jsonschema --builtin-schema vendor.github-actions $(ACTION_FILES)
	check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOW_FILES)
	actionlint $(WORKFLOW_FILES)
	zizmor --offline --strict-collection --no-progress . $(filter-out .github/workflows/%,$(WORKFLOW_FILES))
	zizmor --offline --strict-collection --no-progress --persona pedantic . $(filter-out .github/workflows/%,$(WORKFLOW_FILES))

format: deps
	npx biome check --write .

test-unit: compile
	node --test --test-reporter=spec "$(TEST_GLOB)"

platform:
	test/platform/setup.sh

test-integration: compile platform lint-tools
	node --test --test-concurrency=1 --test-reporter=spec $(INTEGRATION_GLOB)

test: lint lint-actions check-dist check-docs platform
	node --test --test-reporter=spec --test-concurrency=2 "$(TEST_GLOB)" $(INTEGRATION_GLOB)

# validate → up → verify → speed test → down on examples/speedtest; writes .stackgate/demo-report.json.
demo: build platform
	scripts/demo.sh

# Mutation score over rules, reporters, --fix, the action and the escaping (docs/benchmarks.md); not part of test.
mutation: compile
	node lib/bench/mutation.js

bench: compile
	node lib/bench/validate.js
	node lib/bench/dns.js
	node lib/bench/speedtest.js
	node lib/bench/stack.js

clean:
	rm -rf lib .cache
