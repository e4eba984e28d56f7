# Generated SDKs (Python, Go, .NET, Java) and TypeScript schema types, from schema.json.
# Included by the Makefile; also usable alone: make -f tools/sdk.mk gen|check-sdks|test-sdks.
#
#   gen         regenerate sdk/{python,go,dotnet,java} and provider/src/schema-types.ts
#   check-sdks  regenerate into a temp dir and fail, naming the files, when the committed ones differ;
#               type-check the TypeScript components against the schema
#   test-sdks   build each SDK and run it under Pulumi's mocks in its language (.NET: generated only)
#               (first the generator's own tests, tools/sdkgen)
#
# The generators are Go programs (tools/sdkgen, tools/sdkgen/java) importing Pulumi's code
# generators at pinned versions. Building them takes minutes on 2 cores, so the binaries live in
# a cache outside the tree, keyed by a hash of their sources and go.mod/go.sum: they are rebuilt
# only when those change. docs/languages.md explains the versions.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)

SDK_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/sfn-workflows
export SDK_CACHE

sdk_hash = $(shell cat $(1)/go.mod $(1)/go.sum $(1)/*.go | sha256sum | cut -c1-16)
SDKGEN := $(SDK_CACHE)/sdkgen-$(call sdk_hash,tools/sdkgen)
SDKGEN_JAVA := $(SDK_CACHE)/sdkgen-java-$(call sdk_hash,tools/sdkgen/java)
SDK_GOFLAGS := -mod=readonly -trimpath -buildvcs=false

# gen and check-sdks need tsx and prettier: they depend on the Makefile's $(INSTALL_STAMP) (npm ci),
# so include this file after INSTALL_STAMP is defined. Run alone, there is no such dependency.

.PHONY: gen check-sdks test-sdks sdkgen

sdkgen: $(SDKGEN) $(SDKGEN_JAVA)

$(SDKGEN):
	@mkdir -p $(SDK_CACHE)
	@echo "building the SDK generator (Python, Go, .NET) into $@"
	@start=$$(date +%s); cd tools/sdkgen && go build $(SDK_GOFLAGS) -o $@.tmp . && mv $@.tmp $@; \
	  echo "built in $$(( $$(date +%s) - start ))s"

$(SDKGEN_JAVA):
	@mkdir -p $(SDK_CACHE)
	@echo "building the SDK generator (Java) into $@"
	@start=$$(date +%s); cd tools/sdkgen/java && go build $(SDK_GOFLAGS) -o $@.tmp . && mv $@.tmp $@; \
	  echo "built in $$(( $$(date +%s) - start ))s"

gen: $(SDKGEN) $(SDKGEN_JAVA) $(INSTALL_STAMP)
	$(SDKGEN) -schema schema.json -out sdk -lang python,go,dotnet
	$(SDKGEN_JAVA) -schema schema.json -out sdk/java
	tsx tools/schema-types/generate.ts

check-sdks: $(SDKGEN) $(SDKGEN_JAVA) $(INSTALL_STAMP)
	@bash tools/check-sdks.sh $(SDKGEN) $(SDKGEN_JAVA)

test-sdks:
	@bash tools/sdk-tests/run.sh
