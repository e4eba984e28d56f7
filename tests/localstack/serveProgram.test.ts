/**
 * `sfn-workflows serve` with a Pulumi program, as docs/engines.md says to run it: a TypeScript
 * program in its own directory (its node_modules has the package, @pulumi/aws and tsx), every sync
 * endpoint it declares served on localhost, what the local deployer cannot create listed, and a
 * change to the program reloaded: in place for a definition, into a fresh LocalStack otherwise.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startServeCli, type ServeCli } from "../support/serveCli";
import { post, QUOTE_DEFINITION, QUOTE_FAILURES, QUOTE_STATUSES } from "./support/quote";

const ROOT = path.join(__dirname, "..", "..");

/**
 * Two workflows with endpoints: the quote workflow at `quotePath`, and an order lookup at
 * GET /orders/{id} whose definition names a DynamoDB table (not created locally) by substitution.
 */
function program(quotePath: string, lookup: Record<string, string>): string {
  return `import * as aws from "@pulumi/aws";
import { Workflow } from "@sfn-workflows/pulumi";

const orders = new aws.dynamodb.Table("orders", {
  hashKey: "orderId",
  attributes: [{ name: "orderId", type: "S" }],
  billingMode: "PAY_PER_REQUEST",
});

const quote = new Workflow("quote", {
  workflowType: "EXPRESS",
  definition: ${JSON.stringify(QUOTE_DEFINITION)},
  syncEndpoint: { path: ${JSON.stringify(quotePath)}, authorization: "NONE", errorStatusCodes: ${JSON.stringify(QUOTE_STATUSES)} },
});

const lookup = new Workflow("lookup", {
  workflowType: "EXPRESS",
  definition: { StartAt: "Find", TimeoutSeconds: 5, States: { Find: { Type: "Pass", Parameters: ${JSON.stringify(lookup)}, End: true } } },
  definitionSubstitutions: { OrdersTable: orders.name },
  syncEndpoint: { path: "/orders/{id}", method: "GET", authorization: "NONE" },
});

export const quoteUrl = quote.endpointUrl;
export const lookupUrl = lookup.endpointUrl;
`;
}

const LOOKUP = { "order.$": "$.path.id", table: "${OrdersTable}" };

/** A program directory as a team has one: the program, and node_modules with the package installed. */
function programDirectory(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "serve-program-"));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  fs.writeFileSync(path.join(dir, "index.ts"), program("/quote", LOOKUP));
  return dir;
}

async function logged(serve: ServeCli, line: string): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (!serve.stderr().includes(line)) {
    if (Date.now() > deadline) throw new Error(`never logged "${line}":\n${serve.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("sfn-workflows serve: a Pulumi program", function () {
  this.timeout(300_000);
  let dir: string;
  let file: string;
  let serve: ServeCli;

  before(async () => {
    dir = programDirectory();
    file = path.join(dir, "index.ts");
    serve = await startServeCli([file, "--port", "0"], { cwd: dir });
  });

  after(() => {
    if (serve?.child.exitCode === null) serve.child.kill("SIGKILL");
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const url = (route: string) => `http://localhost:${serve.port}${route}`;

  it("prints every endpoint the program declares, and lists what it does not create (the table, the alarms)", () => {
    assert.equal(
      serve.stdout(),
      `serving ${file} on LocalStack (${serve.engineEndpoint})\n` +
        `  POST http://localhost:${serve.port}/quote\n` +
        `  GET http://localhost:${serve.port}/orders/{id}\n` +
        `watching ${file}; Ctrl-C stops\n`,
    );
    const alarms = ["quote", "lookup"].flatMap((workflow) =>
      ["executions-failed", "executions-timed-out"].map((alarm) => `${workflow}-${alarm} (aws:cloudwatch/metricAlarm:MetricAlarm)`),
    );
    assert.equal(serve.stderr(), `not created locally: ${["orders (aws:dynamodb/table:Table)", ...alarms].join(", ")}\n`);
  });

  it("answers each endpoint as deployed: statuses by error name, path parameters, a substituted table name", async () => {
    assert.deepEqual(await post(url("/quote"), '{"sku":"A-1"}'), {
      status: 200,
      text: '{"body":{"sku":"A-1"},"path":{},"querystring":{}}',
    });
    for (const [outcome, status, body] of QUOTE_FAILURES)
      assert.deepEqual(await post(url("/quote"), JSON.stringify({ outcome })), { status, text: JSON.stringify(body) });
    const lookup = await fetch(url("/orders/o-17"));
    assert.deepEqual(
      { status: lookup.status, text: (await lookup.text()).trim() },
      { status: 200, text: '{"order":"o-17","table":"orders"}' },
    );
  });

  it("a changed definition in the program: updated in place", async () => {
    fs.writeFileSync(file, program("/quote", { ...LOOKUP, found: "yes" }));
    await logged(serve, `reloaded ${file}: definition updated`);
    const lookup = await fetch(url("/orders/o-17"));
    assert.deepEqual(
      { status: lookup.status, text: (await lookup.text()).trim() },
      { status: 200, text: '{"order":"o-17","table":"orders","found":"yes"}' },
    );
  });

  it("a changed route: redeployed into a fresh LocalStack, the old route gone", async () => {
    const previous = serve.engineEndpoint;
    fs.writeFileSync(file, program("/quotes", LOOKUP));
    await logged(serve, `reloaded ${file}: redeployed into a fresh LocalStack`);
    assert.deepEqual(await post(url("/quotes"), '{"sku":"B-2"}'), {
      status: 200,
      text: '{"body":{"sku":"B-2"},"path":{},"querystring":{}}',
    });
    assert.deepEqual(await post(url("/quote"), "{}"), { status: 403, text: '{"message": "Missing Authentication Token"}' });
    await assert.rejects(fetch(`${previous}/_localstack/health`));
  });

  it("SIGTERM stops it", async () => {
    assert.equal(await serve.stop(), 0);
  });
});
