/**
 * The provider plugin tarballs of dist/ (`make dist`, tools/dist/plugin.sh): the layout the Pulumi
 * CLI unpacks, the release version stamped, a Node.js runtime of each tarball's platform inside, and
 * the linux-amd64 one unpacked and run as the engine runs it, with no Node.js on PATH, and put
 * through the plugin protocol suite (tests/protocol).
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FakeEngine, REPO, startPlugin, type PluginHandle } from "../protocol/harness";
import { approvalDefinition } from "../support/definitions";

const DIST = path.join(REPO, "dist");
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, "schema.json"), "utf8")) as { version: string }).version;
const PLATFORMS = ["linux-amd64", "linux-arm64", "darwin-arm64"];
const tarball = (platform: string) => path.join(DIST, `pulumi-resource-sfn-workflows-v${VERSION}-${platform}.tar.gz`);

/** Each platform's tarball, unpacked once: a directory per platform. */
const unpacked = new Map<string, string>();
const file = (platform: string, name: string) => path.join(unpacked.get(platform)!, name);
const read = (platform: string, name: string) => fs.readFileSync(file(platform, name), "utf8");

/** Every file under DIR, relative, sorted. */
const filesUnder = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

/** The platform a Node.js binary is built for, from its ELF or Mach-O header. */
function binaryPlatform(header: Buffer): string {
  if (header.readUInt32BE(0) === 0x7f454c46) {
    const machine = header.readUInt16LE(18);
    return `linux-${machine === 0x3e ? "amd64" : machine === 0xb7 ? "arm64" : `machine ${machine}`}`;
  }
  if (header.readUInt32LE(0) === 0xfeedfacf) {
    return `darwin-${header.readUInt32LE(4) === 0x0100000c ? "arm64" : "other"}`;
  }
  return "unknown";
}

describe("dist: the provider plugin tarballs", () => {
  before(() => {
    for (const platform of PLATFORMS) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sfn-workflows-plugin-${platform}-`));
      const result = spawnSync("tar", ["xzf", tarball(platform), "-C", dir], { encoding: "utf8" });
      assert.equal(result.status, 0, result.stderr);
      unpacked.set(platform, dir);
    }
  });
  after(() => {
    for (const dir of unpacked.values()) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const platform of PLATFORMS) {
    it(`${platform}: the executable at the top, the runtime, the bundled provider and the licenses, nothing else`, () => {
      assert.deepEqual(filesUnder(unpacked.get(platform)!), [
        "LICENSE",
        "THIRD-PARTY-NOTICES",
        "lib/bin/plugin/main.js",
        "lib/package.json",
        "lib/schema.json",
        "node/LICENSE",
        "node/bin/node",
        "pulumi-resource-sfn-workflows",
      ]);
      for (const executable of ["pulumi-resource-sfn-workflows", "node/bin/node"]) {
        assert.equal(fs.statSync(file(platform, executable)).mode & 0o777, 0o755, executable);
      }
    });

    it(`${platform}: the release version in package.json and schema.json, which names the release server`, () => {
      assert.equal((JSON.parse(read(platform, "lib/package.json")) as { version: string }).version, VERSION);
      const schema = JSON.parse(read(platform, "lib/schema.json")) as { version: string; pluginDownloadURL: string };
      assert.equal(schema.version, VERSION);
      assert.equal(schema.pluginDownloadURL, "https://github.com/sfn-workflows/pulumi-sfn-workflows/releases/download/v${VERSION}");
      assert.equal(read(platform, "LICENSE"), fs.readFileSync(path.join(REPO, "LICENSE"), "utf8"));
    });
  }

  it("holds a Node.js runtime of each tarball's platform", () => {
    for (const platform of PLATFORMS) {
      const fd = fs.openSync(file(platform, "node/bin/node"), "r");
      const header = Buffer.alloc(64);
      fs.readSync(fd, header, 0, 64, 0);
      fs.closeSync(fd);
      assert.equal(binaryPlatform(header), platform);
    }
  });

  describe("linux-amd64, started as the engine starts it", () => {
    let engine: FakeEngine;
    let plugin: PluginHandle | undefined;
    let tmp: string;
    before(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sfn-workflows-plugin-tmp-"));
      engine = new FakeEngine();
      await engine.start();
    });
    after(async () => {
      await plugin?.stop();
      await engine.stop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("prints its port with no Node.js on PATH and constructs a Workflow with deployment (aws-native bundled)", async () => {
      plugin = await startPlugin(engine.address, {
        plugin: file("linux-amd64", "pulumi-resource-sfn-workflows"),
        env: { PATH: "/nonexistent", TMPDIR: tmp },
      });
      assert.ok(plugin.port > 0);
      const definition = approvalDefinition();
      await plugin.call(
        "construct",
        engine.constructRequest({
          type: "sfn-workflows:index:Workflow",
          name: "orders",
          inputs: { definition: JSON.stringify(definition), callbacks: { reviewers: {} }, deployment: { type: "CANARY" } },
        }),
      );
      const types = engine.registrations.map((r) => r.type);
      assert.ok(types.includes("aws:sfn/stateMachine:StateMachine"), types.join(", "));
      assert.ok(types.includes("aws-native:stepfunctions:StateMachineAlias"), types.join(", "));
    });

    it("keeps V8's compiled code of its bundle in os.tmpdir()'s compile cache, with nothing set in its environment", async () => {
      // Written shortly after it starts listening (provider/src/plugin/startup.ts).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const cache = path.join(tmp, "node-compile-cache");
      const entries = fs.existsSync(cache) ? filesUnder(cache) : [];
      assert.ok(entries.length > 0, `no compile cache in ${cache}`);
      const largest = Math.max(...entries.map((entry) => fs.statSync(path.join(cache, entry)).size));
      assert.ok(largest > 100_000, `the largest cache entry has ${largest} bytes: the bundle's code is not in it`);
    });

    it("passes the plugin protocol suite (tests/protocol) run against it", () => {
      const mocha = path.join(REPO, "node_modules", "mocha", "bin", "mocha.js");
      const suite = spawnSync(
        process.execPath,
        [mocha, "--no-config", "--require", "tsx/cjs", "--timeout", "60000", path.join(REPO, "tests/protocol/plugin.test.ts")],
        { cwd: REPO, encoding: "utf8", env: { ...process.env, SFN_WORKFLOWS_PLUGIN: file("linux-amd64", "pulumi-resource-sfn-workflows") } },
      );
      assert.equal(suite.status, 0, `${suite.stdout}\n${suite.stderr}`);
      assert.match(suite.stdout, /\d+ passing/);
      assert.doesNotMatch(suite.stdout, /failing|pending/);
    });

    it("names every bundled package with its license", () => {
      const notices = read("linux-amd64", "THIRD-PARTY-NOTICES");
      for (const name of ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/aws-native", "@grpc/grpc-js", "jsonata"]) {
        const version = (JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", name, "package.json"), "utf8")) as { version: string })
          .version;
        assert.match(notices, new RegExp(`^${name.replace("/", "\\/")}@${version.replace(/\./g, "\\.")} \\(`, "m"), name);
      }
    });
  });
});
