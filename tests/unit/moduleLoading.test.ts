/**
 * What loading the package and analysing a definition cost in modules: every program and plugin
 * start pays for them. Runs the built package (provider/bin, `make build`) in a fresh process.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { approvalDefinition } from "../support/definitions";

const PACKAGE = path.join(__dirname, "../../provider/bin");

/** The files a fresh process has loaded after requiring the package and analysing the definition. */
function loadedFiles(definition: unknown): string[] {
  const script = `
    const { analyze } = require(${JSON.stringify(PACKAGE)});
    const result = analyze(${JSON.stringify(JSON.stringify(definition))});
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    console.log(JSON.stringify(Object.keys(require.cache)));
  `;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  return (JSON.parse(child.stdout) as string[]).map((file) => path.relative(path.join(__dirname, "../.."), file));
}

describe("modules the package loads", () => {
  let files: string[];
  before(() => {
    files = loadedFiles(approvalDefinition());
  });

  it("analyses with the package's own structural contract: no schema compiler, no schema files", () => {
    assert.ok(files.includes("provider/bin/analysis/contract/kinds.js"));
    assert.deepEqual(
      files.filter((file) => /node_modules\/(ajv|asl-validator)\//.test(file)),
      [],
    );
  });

  it("loads the AWS provider's resource modules, never its index of every service, and no aws-native", () => {
    assert.ok(files.includes("node_modules/@pulumi/aws/sqs/queue.js"));
    assert.deepEqual(
      files.filter((file) => /node_modules\/@pulumi\/aws\/(index|types\/index|types\/enums\/index)\.js$/.test(file)),
      [],
    );
    // Only `deployment` uses aws-native (tests/unit/optionalAwsNative.test.ts).
    assert.deepEqual(
      files.filter((file) => file.includes("node_modules/@pulumi/aws-native/")),
      [],
    );
  });
});

describe("modules the command line loads", () => {
  /** The files `sfn-workflows ARGS` has loaded when it exits. */
  function cliFiles(args: string[]): string[] {
    const script = `
      process.on("exit", () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));
      require(${JSON.stringify(path.join(PACKAGE, "cli/main.js"))}).main(${JSON.stringify(args)});
    `;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: path.join(__dirname, "../..") });
    return JSON.parse(child.stderr) as string[];
  }

  it("check and graph start without Pulumi or the AWS provider, which only serve needs", () => {
    for (const args of [
      ["check", "examples/definitions/quote.asl.json"],
      ["graph", "examples/definitions/quote.asl.json"],
    ]) {
      const files = cliFiles(args);
      assert.ok(
        files.some((file) => file.endsWith("provider/bin/analysis/analyze.js")),
        args.join(" "),
      );
      assert.deepEqual(
        files.filter((file) => file.includes("/node_modules/@pulumi/")),
        [],
        args.join(" "),
      );
    }
  });
});
