# LocalStack, the second local engine (docs/engines.md): EXPRESS workflows, StartSyncExecution,
# JSONata and API Gateway running the sync endpoint's templates, which moto cannot run.
# Included from the Makefile, which provides `build`.
#
# The package's own script installs it (provider/engine/install-localstack.sh, the one
# `sfn-workflows serve` names when LocalStack is missing) into a virtualenv outside the tree, keyed
# by the pins and the script: a fresh machine installs it once (about 5 minutes), later runs reuse it.

.PHONY: localstack test-localstack

LOCALSTACK_KEY := $(shell cat provider/engine/localstack-requirements.txt provider/engine/install-localstack.sh | sha256sum | cut -c1-12)
LOCALSTACK_HOME ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/sfn-workflows/localstack-$(LOCALSTACK_KEY)

localstack: $(LOCALSTACK_HOME)/.installed

$(LOCALSTACK_HOME)/.installed:
	bash provider/engine/install-localstack.sh $(LOCALSTACK_HOME)

# Each test file starts its own LocalStack on a free loopback port and stops it afterwards, also
# when tests fail or the runner gets a signal (provider/src/local/process.ts, shared with moto's).
test-localstack: build localstack
	SFN_WORKFLOWS_LOCALSTACK=$(LOCALSTACK_HOME) mocha --no-config --require tsx/cjs --timeout 180000 'tests/localstack/**/*.test.ts'
