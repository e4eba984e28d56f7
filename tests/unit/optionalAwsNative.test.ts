/**
 * @pulumi/aws-native is an optional peer dependency: only a Workflow with `deployment` loads it, and
 * without it that Workflow fails validation, naming the package and how to install it, creating
 * nothing. Runs the built package (provider/bin, `make build`) in fresh processes: once with the
 * repository's node_modules, once from a directory whose node_modules lacks aws-native (every other
 * package linked), as a user who did not install it has it.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { approvalDefinition } from "../support/definitions";

const REPO = path.join(__dirname, "../..");
const MOCK_AWS = path.join(REPO, "tests/support/mockAws.js");

interface Outcome {
  error: string | null;
  registered: string[];
  awsNativeModules: string[];
}

/** Constructs one Workflow under Pulumi's mocks in `dir`, where `./package` is the package. */
function construct(dir: string, args: Record<string, unknown>): Outcome {
  const script = `
    const pulumi = require("@pulumi/pulumi");
    const { fakeCall, fakeId, fakeState } = require(${JSON.stringify(MOCK_AWS)});
    const registered = [];
    pulumi.runtime.setMocks({
      newResource: (a) => { registered.push(a.type); return { id: fakeId(a.name), state: fakeState(a.type, a.name, a.inputs) }; },
      call: (a) => fakeCall(a.token, a.inputs, "test"),
    }, "project", "stack", false);
    const { Workflow } = require("./package/bin");
    let error = null;
    try { new Workflow("orders", ${JSON.stringify(args)}); } catch (e) { error = e.message; }
    setTimeout(() => console.log(JSON.stringify({
      error, registered,
      awsNativeModules: Object.keys(require.cache).filter((f) => f.includes("/@pulumi/aws-native/")).map((f) => f.replace(/.*\\/@pulumi\\/aws-native\\//, "")),
    })), 200);
  `;
  const child = spawnSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as Outcome;
}

/** A directory with the built package and a node_modules of links to the repository's, but no aws-native. */
function directoryWithoutAwsNative(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sfnw-no-aws-native-"));
  const source = path.join(REPO, "node_modules");
  const packages = fs
    .readdirSync(source)
    .filter((entry) => !entry.startsWith("."))
    .flatMap((entry) => (entry.startsWith("@") ? fs.readdirSync(path.join(source, entry)).map((name) => `${entry}/${name}`) : [entry]))
    .filter((name) => name !== "@pulumi/aws-native");
  for (const name of packages) {
    const link = path.join(dir, "node_modules", name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(source, name)), link);
  }
  fs.cpSync(path.join(REPO, "provider/bin"), path.join(dir, "package/bin"), { recursive: true });
  // The components check their inputs against the package's schema.json, which the package ships.
  fs.copyFileSync(path.join(REPO, "provider/schema.json"), path.join(dir, "package/schema.json"));
  // The package's own nested dependencies (versions that differ from the hoisted ones).
  if (fs.existsSync(path.join(REPO, "provider/node_modules")))
    fs.symlinkSync(path.join(REPO, "provider/node_modules"), path.join(dir, "package/node_modules"));
  return dir;
}

describe("@pulumi/aws-native, an optional peer dependency", () => {
  const withDeployment = { definition: approvalDefinition(), callbacks: { reviewers: {} }, deployment: { type: "ALL_AT_ONCE" } };
  const withoutDeployment = { definition: approvalDefinition(), callbacks: { reviewers: {} } };
  let repoPackage: string;
  let bare: string;
  before(() => {
    // The repository's package as-is: ./package links to provider/.
    repoPackage = fs.mkdtempSync(path.join(os.tmpdir(), "sfnw-with-aws-native-"));
    fs.symlinkSync(path.join(REPO, "provider"), path.join(repoPackage, "package"));
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(repoPackage, "node_modules"));
    bare = directoryWithoutAwsNative();
  });
  after(() => {
    for (const dir of [repoPackage, bare]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is not loaded by a Workflow without deployment", () => {
    const outcome = construct(repoPackage, withoutDeployment);
    assert.equal(outcome.error, null);
    assert.ok(outcome.registered.includes("aws:sfn/stateMachine:StateMachine"));
    assert.deepEqual(outcome.awsNativeModules, []);
  });

  it("is loaded, its two resource modules and not its index, when deployment is set", () => {
    const outcome = construct(repoPackage, withDeployment);
    assert.equal(outcome.error, null);
    assert.ok(outcome.registered.includes("aws-native:stepfunctions:StateMachineAlias"));
    assert.ok(outcome.awsNativeModules.includes("stepfunctions/stateMachineAlias.js"));
    assert.ok(outcome.awsNativeModules.includes("stepfunctions/stateMachineVersion.js"));
    assert.deepEqual(
      outcome.awsNativeModules.filter((file) => /^(index|stepfunctions\/index|types\/index)\.js$/.test(file)),
      [],
    );
  });

  it("when missing, a Workflow without deployment still deploys", () => {
    const outcome = construct(bare, withoutDeployment);
    assert.equal(outcome.error, null);
    assert.ok(outcome.registered.includes("aws:sfn/stateMachine:StateMachine"));
  });

  it("when missing, deployment fails validation naming the package and the install command, creating nothing", () => {
    const outcome = construct(bare, withDeployment);
    assert.equal(
      outcome.error,
      'sfn-workflows:index:Workflow "orders" has 1 problem; nothing was created:\n' +
        '  - [missing-package] deployment: needs the @pulumi/aws-native package, which is not installed: run "npm install @pulumi/aws-native" in the program\'s directory',
    );
    assert.deepEqual(
      outcome.registered.filter((type) => type !== "sfn-workflows:index:Workflow"),
      [],
    );
  });
});
