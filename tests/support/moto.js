/**
 * moto_server as a local AWS engine (see docs/e2e.md): started on a free loopback port with Step
 * Functions execution simulation switched on, and always stopped, even when the caller crashes
 * (an exit hook kills it). Plain CommonJS so the benchmark can use it without a TypeScript loader.
 */
const fs = require("node:fs");
const path = require("node:path");
// The process handling is shared with LocalStack and `sfn-workflows serve` (built by `make build`).
const { startEngineProcess } = require("../../provider/bin/local/process");

const DEFAULT_EXECUTABLE = path.join(__dirname, "..", "..", ".venv", "bin", "moto_server");
const CONFIG = { stepfunctions: { execute_state_machine: true }, lambda: { use_docker: false } };
const START_TIMEOUT_MS = 30_000;

/** Credentials moto accepts: it maps every unknown access key to its default account, 123456789012. */
const MOTO_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };
const MOTO_ACCOUNT = "123456789012";

/**
 * Starts moto_server. `executable` defaults to $MOTO_SERVER, then .venv/bin/moto_server (made by
 * `make moto`). Resolves once the server answers and the simulation is on.
 */
async function startMoto(options = {}) {
  const executable = options.executable ?? process.env.MOTO_SERVER ?? DEFAULT_EXECUTABLE;
  if (!fs.existsSync(executable)) throw new Error(`${executable} not found: run \`make moto\` first`);
  return startEngineProcess({
    name: "moto_server",
    command: executable,
    args: (port) => ["-H", "127.0.0.1", "-p", String(port)],
    env: (port) => ({ MOTO_PORT: String(port) }),
    // GET /moto-api/config does not echo the stepfunctions section back: a 200 to the POST is the confirmation.
    ready: async (endpoint) =>
      (
        await globalThis.fetch(`${endpoint}/moto-api/config`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(CONFIG),
        })
      ).ok,
    startTimeoutMs: START_TIMEOUT_MS,
  });
}

/** SDK v3 client settings for moto: its endpoint, fixed credentials, and no host prefix (the SFN client adds one). */
function motoClientConfig(endpoint, region = "us-east-1") {
  return { endpoint, region, credentials: MOTO_CREDENTIALS, disableHostPrefix: true };
}

module.exports = { startMoto, motoClientConfig, MOTO_ACCOUNT, MOTO_CREDENTIALS };
