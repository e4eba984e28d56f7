/**
 * `sfn-workflows serve`, run as users run it (the built CLI in a child process): the endpoint on
 * localhost answering with the deployed templates' statuses and bodies, reloading when the file
 * changes, stopping LocalStack on SIGTERM; and the errors when it cannot serve.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CLI, startServeCli, type ServeCli } from "../support/serveCli";
import { post as postTo, QUOTE_DEFINITION, QUOTE_FAILURES, QUOTE_STATUSES } from "./support/quote";

const ROOT = path.join(__dirname, "..", "..");
const INSTALL_SCRIPT = path.join(ROOT, "provider", "engine", "install-localstack.sh");

function tempDefinition(definition: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "serve-"));
  const file = path.join(dir, "quote.asl.json");
  fs.writeFileSync(file, JSON.stringify(definition, null, 2));
  return file;
}

/** Runs the CLI to its end (for the cases that do not serve). */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("sfn-workflows serve: when it cannot serve", function () {
  this.timeout(60_000);

  it("LocalStack not installed: exit 2, what is missing and the command that installs it", () => {
    const home = path.join(os.tmpdir(), "no-localstack-here");
    const result = run(["serve", tempDefinition(QUOTE_DEFINITION), "--path", "/quote"], { SFN_WORKFLOWS_LOCALSTACK: home });
    assert.deepEqual(
      { status: result.status, stdout: result.stdout, stderr: result.stderr.replace(/^warning: .*\n/gm, "") },
      {
        status: 2,
        stdout: "",
        stderr:
          `error: LocalStack cannot start: it is not installed in ${home}\n` +
          `hint: install it with\n` +
          `  bash ${INSTALL_SCRIPT} ${home}   (needs Python 3.13, a JDK and openssl; downloads from PyPI and Maven Central, about 5 minutes)\n`,
      },
    );
  });

  it("a definition with errors: exit 1 with the problems, before LocalStack starts", () => {
    const file = tempDefinition({ StartAt: "Nowhere", States: { A: { Type: "Pass", End: true } } });
    const result = run(["serve", file], { SFN_WORKFLOWS_LOCALSTACK: path.join(os.tmpdir(), "no-localstack-here") });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^error: sfn-workflows:index:Workflow "quote" has \d+ problems?; nothing was created:\n {2}- /);
    assert.match(result.stderr, /Nowhere/);
  });

  it("usage errors: a missing file, a bad --status", () => {
    assert.deepEqual(run(["serve", "missing.asl.json"]), {
      status: 2,
      stdout: "",
      stderr: `error: "missing.asl.json" does not exist\nhint: check the path; relative paths are resolved from ${process.cwd()}\n`,
    });
    assert.deepEqual(run(["serve", tempDefinition(QUOTE_DEFINITION), "--status", "Quote.Invalid=4xx"]), {
      status: 2,
      stdout: "",
      stderr: "error: --status Quote.Invalid=4xx: 4xx is not an HTTP status\nhint: for example --status Quote.Invalid=422\n",
    });
  });
});

describe("sfn-workflows serve: the sync endpoint on localhost", function () {
  this.timeout(180_000);
  let serve: ServeCli;
  let file: string;

  before(async () => {
    file = tempDefinition(QUOTE_DEFINITION);
    const statuses = Object.entries(QUOTE_STATUSES).flatMap(([name, status]) => ["--status", `${name}=${status}`]);
    serve = await startServeCli([file, "--path", "/quote", "--port", "0", ...statuses]);
  });

  after(() => {
    if (serve?.child.exitCode === null) serve.child.kill("SIGKILL");
  });

  const post = (body: string, contentType = "application/json", route = "/quote") =>
    postTo(`http://localhost:${serve.port}${route}`, body, { "Content-Type": contentType });

  it("prints where it serves", () => {
    assert.equal(
      serve.stdout(),
      `serving ${file} on LocalStack (${serve.engineEndpoint})\n  POST http://localhost:${serve.port}/quote\nwatching ${file}; Ctrl-C stops\n`,
    );
  });

  it("answers as the deployed endpoint: one request per status", async () => {
    assert.deepEqual(await post('{"sku":"A-1"}'), { status: 200, text: '{"body":{"sku":"A-1"},"path":{},"querystring":{}}' });
    for (const [outcome, status, body] of QUOTE_FAILURES)
      assert.deepEqual(await post(JSON.stringify({ outcome })), { status, text: JSON.stringify(body) });
    assert.deepEqual(await post('{"outcome":"slow"}'), { status: 504, text: '{"error":"States.Timeout","cause":null}' });
    assert.deepEqual(await post("sku=A-1"), { status: 400, text: '{"message": "Invalid request body"}' });
    // API Gateway's answer for a path no route has.
    assert.deepEqual(await post("{}", "application/json", "/other"), { status: 403, text: '{"message": "Missing Authentication Token"}' });
  });

  it("reloads when the definition file changes", async () => {
    const changed = structuredClone(QUOTE_DEFINITION);
    changed.States.Echo = { Type: "Pass", Parameters: { "sku.$": "$.body.sku", price: 99 }, End: true };
    fs.writeFileSync(file, JSON.stringify(changed));
    const deadline = Date.now() + 30_000;
    while (!serve.stderr().includes(`reloaded ${file}: definition updated`)) {
      if (Date.now() > deadline) throw new Error(`no reload:\n${serve.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(await post('{"sku":"A-1"}'), { status: 200, text: '{"sku":"A-1","price":99}' });
  });

  it("SIGTERM stops it and its LocalStack", async () => {
    assert.equal(await serve.stop(), 0);
    await assert.rejects(fetch(`${serve.engineEndpoint}/_localstack/health`));
  });
});
