/**
 * The `sfn-workflows` command as a user gets it: the npm tarball from dist/ installed into a fresh
 * project, run by Node 22 with nothing of the checkout around. Its output must equal the checkout's,
 * SVG included (Graphviz's WebAssembly loaded from the installed dependencies).
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO } from "../protocol/harness";
import { DistServer, ReleaseWorkspace } from "./support/release";

const DEFINITIONS = path.join(REPO, "examples", "definitions");
const CHECKOUT_CLI = path.join(REPO, "provider", "bin", "cli", "main.js");

describe("dist: the sfn-workflows command from the npm tarball", function () {
  this.timeout(15 * 60 * 1000);
  let server: DistServer | undefined;
  let workspace: ReleaseWorkspace | undefined;
  let dir = "";

  before(async function () {
    server = await DistServer.start();
    workspace = new ReleaseWorkspace(server);
    dir = workspace.project("typescript");
    for (const name of ["order-approval.asl.json", "invalid-express-callback.asl.json"]) {
      fs.copyFileSync(path.join(DEFINITIONS, name), path.join(dir, name));
    }
  });
  after(function () {
    workspace?.dispose();
    server?.close();
  });

  const installed = (args: string[]) => workspace!.exec(dir, path.join(dir, "node_modules", ".bin", "sfn-workflows"), args);
  const checkout = (args: string[]) =>
    spawnSync(process.execPath, [CHECKOUT_CLI, ...args], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

  for (const format of ["svg", "dot", "mermaid"]) {
    it(`graph --format ${format}: the checkout's picture, exit 0`, () => {
      const run = installed(["graph", "order-approval.asl.json", "--format", format]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, checkout(["graph", "order-approval.asl.json", "--format", format]).stdout);
    });
  }

  it("graph --format svg of a definition with errors: drawn all the same, the checkout's SVG, exit 1", () => {
    const args = ["graph", "invalid-express-callback.asl.json", "--type", "EXPRESS", "--format", "svg"];
    const run = installed(args);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^<\?xml version="1\.0" encoding="UTF-8" standalone="no"\?>\n/);
    assert.equal(run.stdout, checkout(args).stdout);
  });

  it("check: the checkout's report and exit code", () => {
    const args = ["check", "invalid-express-callback.asl.json", "--type", "EXPRESS"];
    const run = installed(args);
    const expected = checkout(args);
    assert.equal(run.status, 1);
    assert.deepEqual([run.status, run.stdout, run.stderr], [expected.status, expected.stdout, expected.stderr]);
  });
});
