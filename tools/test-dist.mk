# make test-dist: the release artifacts (make dist) installed and used the way a user does, in a
# fresh directory outside the repository (tests/dist; docs/test-dist.md). Included from the Makefile
# after tools/engine.mk and tools/dist.mk, whose targets it uses.

.PHONY: test-dist

test-dist: dist pulumi-cli fake-providers
	PULUMI_CLI_BIN=$(PULUMI_CLI_BIN) FAKE_PROVIDERS_BIN=$(FAKE_PROVIDERS_BIN) \
	  mocha --no-config --require tsx/cjs --timeout 900000 'tests/dist/**/*.test.ts'
