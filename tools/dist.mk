# Release artifacts: `make dist` writes dist/ from ONE version, schema.json's `version`, stamped into
# every artifact. Included from the Makefile (after `build` is defined). docs/releasing.md says how
# the artifacts are published.
#
# Each part is a script tools/dist/<part>.sh, run by the pattern rule below with
#   DIST_DIR      absolute path of dist/ (the script creates it and overwrites only its own files)
#   DIST_VERSION  the release version, e.g. 0.1.0 (no leading v)
# and the repository root as working directory. A new part: add the script, add its name to
# DIST_PARTS. Helpers shared by the scripts live in tools/dist/lib/.

.PHONY: dist dist-clean

DIST_DIR := $(CURDIR)/dist
# python3, not node: the version is needed before `npm ci` has put Node on PATH.
DIST_VERSION := $(shell python3 -c 'import json; print(json.load(open("schema.json"))["version"])')
DIST_PARTS := plugin npm python go java dotnet

dist: $(addprefix dist-,$(DIST_PARTS))

# Every part runs on the built tree (the plugin and the npm package are provider/bin).
dist-%: build
	DIST_DIR=$(DIST_DIR) DIST_VERSION=$(DIST_VERSION) tools/dist/$*.sh

dist-clean:
	rm -rf $(DIST_DIR)
