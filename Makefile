# Every target installs what it needs. Node 22 comes from the `node` dev dependency and is put
# first on PATH, so scripts, tests and Pulumi's language host all run on it.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)

INSTALL_STAMP := node_modules/.install-stamp

.PHONY: install build test lint format bench demo clean

install: $(INSTALL_STAMP)

$(INSTALL_STAMP): package.json package-lock.json provider/package.json
	npm ci --no-audit --no-fund
	@node --version | grep -q '^v22\.' || { echo "node_modules/.bin/node is not Node 22"; exit 1; }
	touch $@

build: install
	tsc -p provider

test: build
	mocha

lint: build
	tsc -p tests
	eslint .
	prettier --check .

format: install
	prettier --write .

bench: build
	node tests/bench/run.js

demo: build
	tsx examples/demo.ts

clean:
	rm -rf provider/bin .build
