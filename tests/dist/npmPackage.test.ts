/**
 * The npm package in dist/ (`make dist-npm`, tools/dist/npm.sh) as the registry would show it: what
 * it ships and what its package.json promises (the version, @pulumi/aws-native optional).
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO } from "../protocol/harness";

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, "schema.json"), "utf8")) as { version: string }).version;
const TARBALL = path.join(REPO, "dist", `sfn-workflows-pulumi-${VERSION}.tgz`);

function tar(args: string[]): string {
  const result = spawnSync("tar", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe("dist: the npm package @sfn-workflows/pulumi", () => {
  const files = () =>
    tar(["tzf", TARBALL])
      .split("\n")
      .filter(Boolean)
      .map((entry) => entry.replace(/^package\//, ""));
  const manifest = () => JSON.parse(tar(["xzOf", TARBALL, "package/package.json"])) as Record<string, unknown>;

  it("ships the compiled package with its types, the schema, the package README and the LICENSE; no maps, no sources", () => {
    const shipped = files();
    const engine = ["engine/install-localstack.sh", "engine/localstack-requirements.txt"];
    for (const file of ["package.json", "README.md", "LICENSE", "schema.json", "bin/index.js", "bin/index.d.ts", "bin/cli/main.js", ...engine]) {
      assert.ok(shipped.includes(file), `${file} missing`);
    }
    assert.deepEqual(
      shipped.filter((file) => !/^(package\.json|README\.md|LICENSE|schema\.json|bin\/.*\.(js|d\.ts))$/.test(file) && !engine.includes(file)),
      [],
    );
    assert.equal(tar(["xzOf", TARBALL, "package/README.md"]), fs.readFileSync(path.join(REPO, "provider/README.md"), "utf8"));
    assert.equal(tar(["xzOf", TARBALL, "package/LICENSE"]), fs.readFileSync(path.join(REPO, "LICENSE"), "utf8"));
    assert.doesNotMatch(tar(["xzOf", TARBALL, "package/bin/index.js"]), /sourceMappingURL/);
  });

  it("package.json: the release version, the metadata a registry shows, @pulumi/aws-native an optional peer", () => {
    const pkg = manifest();
    assert.equal(pkg.name, "@sfn-workflows/pulumi");
    assert.equal(pkg.version, VERSION);
    assert.equal(pkg.license, "Apache-2.0");
    assert.equal(pkg.types, "bin/index.d.ts");
    assert.deepEqual(pkg.repository, {
      type: "git",
      url: "git+https://github.com/sfn-workflows/pulumi-sfn-workflows.git",
      directory: "provider",
    });
    assert.equal(typeof pkg.homepage, "string");
    assert.ok(!("@pulumi/aws-native" in (pkg.dependencies as object)), "aws-native is not a dependency");
    assert.deepEqual(pkg.peerDependencies, { "@pulumi/aws-native": "^1.79.0" });
    assert.deepEqual(pkg.peerDependenciesMeta, { "@pulumi/aws-native": { optional: true } });
  });
});
