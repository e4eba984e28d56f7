/**
 * LocalStack, the second local engine (docs/engines.md): its start-up (process start until every
 * service answers, median of BENCH_STARTS), and request latency through the local sync endpoint that
 * `sfn-workflows serve` runs (the front on localhost -> API Gateway's templates -> StartSyncExecution),
 * for a JSONPath and a JSONata definition, beside StartSyncExecution called directly.
 *
 * Needs `make build` and `make localstack` (or SFN_WORKFLOWS_LOCALSTACK). Environment: BENCH_STARTS
 * (default 3), BENCH_REQUESTS (default 100). Prints a table, then one JSON line.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");

const BIN = path.join(__dirname, "..", "..", "provider", "bin", "local");
const { startLocalStack, checkLocalStack } = require(path.join(BIN, "localstack.js"));
const { LocalServer } = require(path.join(BIN, "serve.js"));
const { LocalAws } = require(path.join(BIN, "awsClient.js"));

const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);

const DEFINITIONS = {
  jsonpath: {
    StartAt: "Price",
    TimeoutSeconds: 10,
    States: { Price: { Type: "Pass", Parameters: { "sku.$": "$.body.sku", price: 12.5 }, End: true } },
  },
  jsonata: {
    QueryLanguage: "JSONata",
    StartAt: "Price",
    TimeoutSeconds: 10,
    States: { Price: { Type: "Pass", Output: "{% {'sku': $states.input.body.sku, 'price': 12.5} %}", End: true } },
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const ms = (value) => `${value.toFixed(1)} ms`;

async function startUps() {
  const times = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const engine = await startLocalStack();
    times.push(performance.now() - started);
    await engine.stop();
  }
  return times;
}

/** Latencies of REQUESTS sequential calls after 5 warm-up calls; every answer must be the expected one. */
async function timed(call, expected) {
  for (let i = 0; i < 5; i++) await call();
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const answer = await call();
    times.push(performance.now() - started);
    if (answer !== expected) throw new Error(`unexpected answer ${answer}, wanted ${expected}`);
  }
  return times;
}

async function endpoint(kind) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-serve-"));
  const file = path.join(dir, `${kind}.asl.json`);
  fs.writeFileSync(file, JSON.stringify(DEFINITIONS[kind]));
  const server = new LocalServer({ file, port: 0, path: "/quote", method: "POST", substitutions: {}, errorStatusCodes: {}, log: () => {} });
  const deployStarted = performance.now();
  await server.start();
  const deploy = performance.now() - deployStarted;
  try {
    const expected = '200 {"sku":"A-1","price":12.5}';
    const viaEndpoint = await timed(async () => {
      const response = await globalThis.fetch(`http://127.0.0.1:${server.port}/quote`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: '{"sku":"A-1"}',
      });
      return `${response.status} ${(await response.text()).trim()}`;
    }, expected);
    const aws = new LocalAws(server.engineEndpoint);
    const arn = `arn:aws:states:us-east-1:000000000000:stateMachine:${kind}-local`;
    const direct = await timed(async () => {
      const result = await aws.sfn("StartSyncExecution", { stateMachineArn: arn, input: '{"body":{"sku":"A-1"}}' });
      return `200 ${result.output}`;
    }, expected);
    return { deploy, viaEndpoint, direct };
  } finally {
    await server.stop();
  }
}

async function main() {
  try {
    checkLocalStack();
  } catch (error) {
    console.error(`${error.message}\ninstall it with: ${error.installCommand}`);
    process.exit(2);
  }
  const starts = await startUps();
  const results = { jsonpath: await endpoint("jsonpath"), jsonata: await endpoint("jsonata") };
  console.log(
    `LocalStack start-up (until every service answers), median of ${STARTS}: ${ms(median(starts))} (${starts.map(ms).join(", ")})`,
  );
  console.log(`\nserve: ${REQUESTS} sequential requests after 5 warm-up ones; p50 / p95`);
  console.log("definition  deploy (start + resources)  through the local endpoint  StartSyncExecution directly");
  for (const [kind, r] of Object.entries(results))
    console.log(
      `${kind.padEnd(11)} ${ms(r.deploy).padEnd(27)} ${`${ms(percentile(r.viaEndpoint, 50))} / ${ms(percentile(r.viaEndpoint, 95))}`.padEnd(27)} ${ms(percentile(r.direct, 50))} / ${ms(percentile(r.direct, 95))}`,
    );
  const summary = Object.fromEntries(
    Object.entries(results).map(([kind, r]) => [
      kind,
      {
        deployMs: r.deploy,
        endpointP50Ms: percentile(r.viaEndpoint, 50),
        endpointP95Ms: percentile(r.viaEndpoint, 95),
        directP50Ms: percentile(r.direct, 50),
      },
    ]),
  );
  console.log(JSON.stringify({ bench: "localstack", startupMedianMs: median(starts), requests: REQUESTS, ...summary }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
