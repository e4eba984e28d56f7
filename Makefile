# Every target installs what it needs. Node 22 comes from the `node` dev dependency and is put
# first on PATH, so scripts, tests and Pulumi's language host all run on it.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)

INSTALL_STAMP := node_modules/.install-stamp

.PHONY: install build test test-unit test-e2e lint format bench demo clean moto

install: $(INSTALL_STAMP)

$(INSTALL_STAMP): package.json package-lock.json provider/package.json
	npm ci --no-audit --no-fund
	@node --version | grep -q '^v22\.' || { echo "node_modules/.bin/node is not Node 22"; exit 1; }
	touch $@

build: install
	cp schema.json provider/schema.json
	tsc -p provider
	tsc -p worker

# moto (a local AWS engine that executes Step Functions definitions) in a virtualenv inside the repo,
# pinned: 5.2.1 breaks on a second execution; the e2e suite runs on 5.2.5.
MOTO_VERSION := 5.2.5
VENV := .venv
MOTO_STAMP := $(VENV)/.moto-$(MOTO_VERSION)-stamp

moto: $(MOTO_STAMP)

$(MOTO_STAMP):
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check 'moto[server]==$(MOTO_VERSION)'
	touch $@

# End to end against moto (docs/e2e.md): each test file starts its own moto_server on a free loopback
# port and stops it afterwards, also when tests fail, the runner crashes or gets a signal (tests/support/moto.js).
test-e2e: build moto
	MOTO_SERVER=$(CURDIR)/$(VENV)/bin/moto_server mocha --no-config --require tsx/cjs --timeout 120000 'tests/e2e/**/*.test.ts'

# The full suite: unit and plugin protocol tests, the SDKs against the schema and in their own
# languages, workflows really running on moto and LocalStack, `pulumi up` through the real engine,
# and the release artifacts (dist/) installed and run outside the repository.
test: test-unit check-sdks test-sdks test-e2e test-localstack test-engine test-dist

test-unit: build
	mocha

lint: build
	tsc -p tests
	eslint .
	prettier --check .
	$(MAKE) --no-print-directory check-docs

# The example workflows' pictures in README.md, examples/README.md and docs/pictures (tools/docs);
# docs/integrations.md from the integration table (tests/unit/integrationDocs.test.ts fails when it drifts).
.PHONY: docs check-docs
docs: build
	tsx tools/docs/generate.ts
	tsx tools/integration-docs/generate.ts

check-docs: build
	tsx tools/docs/generate.ts --check

format: install
	prettier --write .

bench: build moto dist-plugin localstack pulumi-cli fake-providers
	node tests/bench/run.js
	node tests/bench/graph.js
	node tests/bench/coldStart.js
	MOTO_SERVER=$(CURDIR)/$(VENV)/bin/moto_server node tests/bench/callbacks.js
	SFN_WORKFLOWS_LOCALSTACK=$(LOCALSTACK_HOME) node tests/bench/localstack.js
	PULUMI_CLI_BIN=$(PULUMI_CLI_BIN) FAKE_PROVIDERS_BIN=$(FAKE_PROVIDERS_BIN) tsx tests/bench/preview.ts

# The main job, no AWS account: what the examples deploy, then the approval workflow running on moto
# with the callback worker.
demo: build moto localstack
	tsx examples/demo.ts
	MOTO_SERVER=$(CURDIR)/$(VENV)/bin/moto_server tsx examples/demo-callbacks.ts
	SFN_WORKFLOWS_LOCALSTACK=$(LOCALSTACK_HOME) tsx examples/demo-serve.ts

clean:
	rm -rf provider/bin worker/bin .build

include tools/sdk.mk
include tools/engine.mk
include tools/dist.mk
include tools/localstack.mk
include tools/test-dist.mk
