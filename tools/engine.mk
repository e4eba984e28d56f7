# Engine tests: the real Pulumi CLI and engine run the example programs, with test-double AWS
# providers (tests/engine/fake-providers) standing in for AWS. See docs/engine-tests.md.
# Included from the Makefile (`include tools/engine.mk`), which provides `build`.

.PHONY: pulumi-cli fake-providers test-engine

# The CLI version is the one tools/pulumi-cli/go.mod pins; binaries are cached outside the tree.
PULUMI_CLI_VERSION := $(shell awk '$$1 == "github.com/pulumi/pulumi/pkg/v3" { print $$2 }' tools/pulumi-cli/go.mod)
ENGINE_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/sfn-workflows/pulumi-$(PULUMI_CLI_VERSION)
PULUMI_CLI_BIN := $(ENGINE_CACHE)/bin
FAKE_PROVIDERS_BIN := $(ENGINE_CACHE)/fake-providers

# The CLI and the nodejs, python, go and yaml language hosts, built from the Go module proxy.
# Skips what is already built.
pulumi-cli:
	tools/pulumi-cli/build.sh $(PULUMI_CLI_BIN)

# The test doubles report the versions the programs ask for: those of the installed SDK packages.
# (`go build` is incremental: nothing is recompiled when the sources did not change.)
AWS_SDK_VERSION = $(shell node -p 'require("@pulumi/aws/package.json").version')
AWS_NATIVE_SDK_VERSION = $(shell node -p 'try { require("@pulumi/aws-native/package.json").version } catch { "1.79.0" }')

fake-providers:
	cd tests/engine/fake-providers && nice -n 10 go build -trimpath \
	  -ldflags "-X main.packageName=aws -X main.version=$(AWS_SDK_VERSION)" -o $(FAKE_PROVIDERS_BIN)/pulumi-resource-aws .
	cd tests/engine/fake-providers && nice -n 10 go build -trimpath \
	  -ldflags "-X main.packageName=aws-native -X main.version=$(AWS_NATIVE_SDK_VERSION)" -o $(FAKE_PROVIDERS_BIN)/pulumi-resource-aws-native .

# The test doubles' own tests, then the engine tests (local file backend, loopback only).
test-engine: build pulumi-cli fake-providers
	cd tests/engine/fake-providers && nice -n 10 go test ./...
	PULUMI_CLI_BIN=$(PULUMI_CLI_BIN) FAKE_PROVIDERS_BIN=$(FAKE_PROVIDERS_BIN) \
	  mocha --no-config --require tsx/cjs --timeout 600000 'tests/engine/**/*.test.ts'
