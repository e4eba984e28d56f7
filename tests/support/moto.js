/**
 * moto_server as a local AWS engine (see docs/e2e.md): started on a free loopback port with Step
 * Functions execution simulation switched on, and always stopped, even when the caller crashes
 * (an exit hook kills it). Plain CommonJS so the benchmark can use it without a TypeScript loader.
 */
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const path = require("node:path");
const { setTimeout, clearTimeout } = require("node:timers");

const DEFAULT_EXECUTABLE = path.join(__dirname, "..", "..", ".venv", "bin", "moto_server");
const CONFIG = { stepfunctions: { execute_state_machine: true }, lambda: { use_docker: false } };
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];

/** Credentials moto accepts: it maps every unknown access key to its default account, 123456789012. */
const MOTO_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };
const MOTO_ACCOUNT = "123456789012";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts moto_server. `executable` defaults to $MOTO_SERVER, then .venv/bin/moto_server (made by
 * `make moto`). Resolves once the server answers and the simulation is on.
 */
async function startMoto(options = {}) {
  const executable = options.executable ?? process.env.MOTO_SERVER ?? DEFAULT_EXECUTABLE;
  if (!fs.existsSync(executable)) throw new Error(`${executable} not found: run \`make moto\` first`);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(executable, ["-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, MOTO_PORT: String(port) },
  });
  // The last lines of its output, for the error message when it does not come up.
  const tail = [];
  const keep = (chunk) => {
    tail.push(...String(chunk).split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 20));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  const exit = new Promise((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  // A caller that dies without calling stop() must not leave the server behind: on exit, and on a
  // signal (which would otherwise end Node without an exit event), the server is killed first. The
  // signal is then raised again unless someone else listens to it (mocha does for SIGINT).
  const killOnExit = () => child.kill("SIGKILL");
  const onSignal = (signal) => {
    child.kill("SIGKILL");
    forget();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const forget = () => {
    process.removeListener("exit", killOnExit);
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  };
  process.once("exit", killOnExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  async function stop() {
    forget();
    if (exited) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exit;
    clearTimeout(timer);
  }

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (exited) throw new Error(`moto_server exited during start-up:\n${tail.join("\n")}`);
      try {
        const response = await globalThis.fetch(`${endpoint}/moto-api/config`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(CONFIG),
        });
        // GET /moto-api/config does not echo the stepfunctions section back: a 200 here is the confirmation.
        if (response.ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline)
        throw new Error(`moto_server did not answer on ${endpoint} within ${START_TIMEOUT_MS} ms:\n${tail.join("\n")}`);
      await sleep(100);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, pid: child.pid, stop, output: () => tail.join("\n") };
}

/** SDK v3 client settings for moto: its endpoint, fixed credentials, and no host prefix (the SFN client adds one). */
function motoClientConfig(endpoint, region = "us-east-1") {
  return { endpoint, region, credentials: MOTO_CREDENTIALS, disableHostPrefix: true };
}

module.exports = { startMoto, motoClientConfig, MOTO_ACCOUNT, MOTO_CREDENTIALS };
