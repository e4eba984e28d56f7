/**
 * Cold start of the provider plugin, as another language's program meets it: from spawning
 * `pulumi-resource-sfn-workflows` (the engine passes its address, reads the port from stdout) to a
 * finished Construct of a Workflow with 10 callback tasks (10 callback queues, ~90 resources), over
 * gRPC against the fake engine of tests/protocol/harness.js. Every run is a fresh process; the
 * figures are medians. `cpuMs` is the plugin's own CPU time (user + system) up to the finished
 * Construct: unlike wall time it barely moves when other work shares the machine.
 *
 * The plugin keeps V8's compiled code on disk (provider/src/plugin/startup.ts). The benchmark gives
 * it a compile cache of its own, empty at first: the first run (`firstRunMs`) is a start right
 * after installation, the median is over the runs after it.
 *
 * For scale it also times `node -e 'require("@pulumi/pulumi")'`, which the issue calls the floor
 * of a nodejs plugin (pulumi/pulumi#7149).
 *
 * Two builds of the plugin are measured, each with a compile cache of its own: the checkout's
 * (`pulumi-resource-sfn-workflows` at the repository root: provider/bin and node_modules on the
 * checkout's Node) and the release tarball for this machine from dist/ (`make dist-plugin`:
 * its own Node runtime and one bundle), unpacked and started with no Node.js on PATH. For the
 * tarball it also reports its size, packed and unpacked.
 *
 * It reports, it does not gate: a missed target still exits 0; a crash exits 1.
 * Environment: COLD_START_RUNS (runs after the first, default 5), COLD_START_CPU_PROFILE=DIR
 * (write a --cpu-prof profile of each plugin run to DIR).
 */
const { performance } = require("node:perf_hooks");
const { spawnSync } = require("node:child_process");
const { setTimeout } = require("node:timers");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { FakeEngine, startPlugin, PLUGIN, REPO } = require("../protocol/harness");
const { median } = require("./median");

const VERSION = JSON.parse(fs.readFileSync(path.join(REPO, "schema.json"), "utf8")).version;
const PLATFORM = `${process.platform}-${process.arch === "x64" ? "amd64" : process.arch}`;
const TARBALL = path.join(REPO, "dist", `pulumi-resource-sfn-workflows-v${VERSION}-${PLATFORM}.tar.gz`);

const RUNS = Number(process.env.COLD_START_RUNS ?? 5);
const PROFILE_DIR = process.env.COLD_START_CPU_PROFILE;
const TARGET_MS = 1500;
/** The issue's goal for the release plugin. */
const TARBALL_TARGET_MS = 1000;
const TASKS = 10;

if (!fs.existsSync(path.join(REPO, "provider/bin/plugin/main.js"))) {
  console.error("provider/bin is missing: run `make build` first (or `make bench`, which builds).");
  process.exit(2);
}
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error("COLD_START_RUNS must be a whole number of at least 1.");
  process.exit(2);
}

/** Ten callback tasks in a row, each on its own queue. */
function workflowInputs() {
  const states = {};
  const callbacks = {};
  for (let i = 1; i <= TASKS; i++) {
    callbacks[`step${i}`] = { maxReceiveCount: 5 };
    states[`Step ${i}`] = {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: `\${callbacks.step${i}.queueUrl}`, MessageBody: { "token.$": "$$.Task.Token", "input.$": "$" } },
      HeartbeatSeconds: 300,
      TimeoutSeconds: 86400,
      ...(i < TASKS ? { Next: `Step ${i + 1}` } : { End: true }),
    };
  }
  return { definition: { StartAt: "Step 1", States: states }, workflowType: "STANDARD", callbacks };
}

/** CPU time (user + system) a live process has used, from /proc (Linux); undefined elsewhere. */
function cpuMsOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

const round = (v) => (v === undefined ? undefined : Math.round(v));

/** A plugin command line that writes a CPU profile when it is stopped (SIGTERM ends node without one). */
function profiledPlugin(dir) {
  const wrapper = path.join(dir, "profiled-plugin.sh");
  const main = path.join(REPO, "provider/bin/plugin/main.js");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    wrapper,
    `#!/usr/bin/env bash\nexec node --cpu-prof --cpu-prof-dir=${JSON.stringify(dir)} -e 'process.on("SIGTERM", () => process.exit(0)); process.argv.splice(1, 0, ${JSON.stringify(main)}); require(${JSON.stringify(main)})' -- "$@"\n`,
    { mode: 0o755 },
  );
  return wrapper;
}

async function run(engine, inputs, plugin, env) {
  engine.reset();
  const start = performance.now();
  const handle = await startPlugin(engine.address, { plugin, env, timeoutMs: 60_000 });
  const portMs = performance.now() - start;
  const portCpuMs = cpuMsOf(handle.child.pid);
  const request = engine.constructRequest({ type: "sfn-workflows:index:Workflow", name: "coldstart", inputs });
  const response = await handle.call("construct", request);
  const totalMs = performance.now() - start;
  const cpuMs = cpuMsOf(handle.child.pid);
  const state = response.getState().toJavaScript();
  // The engine keeps a plugin for the whole deployment; the plugin writes its compile cache
  // shortly after a Construct (not measured).
  await new Promise((resolve) => setTimeout(resolve, 600));
  await handle.stop();
  const queues = Object.keys(state.callbackQueues ?? {}).length;
  if (queues !== TASKS) throw new Error(`the Construct returned ${queues} callback queues, not ${TASKS}`);
  return { totalMs, portMs, constructMs: totalMs - portMs, cpuMs, portCpuMs, resources: engine.registrations.length };
}

/** node plus the Pulumi SDK's imports, the floor of any nodejs plugin. */
function sdkFloorMs() {
  const start = performance.now();
  const child = spawnSync(process.execPath, ["-e", 'require("@pulumi/pulumi")'], { cwd: REPO, encoding: "utf8" });
  if (child.status !== 0) return undefined;
  return performance.now() - start;
}

/** The release tarball unpacked into `dir`: the launcher and the tarball's sizes in bytes. */
function unpackTarball(dir) {
  const result = spawnSync("tar", ["xzf", TARBALL, "-C", dir], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`tar xzf ${TARBALL}: ${result.stderr}`);
  const unpackedBytes = fs
    .readdirSync(dir, { recursive: true })
    .map((file) => fs.statSync(path.join(dir, file)))
    .filter((stat) => stat.isFile())
    .reduce((sum, stat) => sum + stat.size, 0);
  return { plugin: path.join(dir, "pulumi-resource-sfn-workflows"), tarballBytes: fs.statSync(TARBALL).size, unpackedBytes };
}

/** The first start (empty compile cache) and RUNS starts after it of one build of the plugin. */
async function measure(engine, inputs, plugin, env, floors) {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), "sfn-workflows-compile-cache-"));
  const runs = [];
  try {
    env = { ...env, NODE_COMPILE_CACHE: cache };
    const first = await run(engine, inputs, plugin, env);
    for (let i = 0; i < RUNS; i++) {
      runs.push(await run(engine, inputs, plugin, env));
      if (floors) floors.push(sdkFloorMs());
    }
    return {
      resources: runs[0].resources,
      firstRunMs: round(first.totalMs),
      medianMs: round(median(runs.map((r) => r.totalMs))),
      portMs: round(median(runs.map((r) => r.portMs))),
      constructMs: round(median(runs.map((r) => r.constructMs))),
      cpuMs: round(median(runs.map((r) => r.cpuMs))),
      portCpuMs: round(median(runs.map((r) => r.portCpuMs))),
      allMs: runs.map((r) => round(r.totalMs)),
    };
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

const describe = (name, r) =>
  `${name}: ${r.medianMs} ms median of ${RUNS} (port after ${r.portMs} ms, Construct of ${TASKS} callback tasks ` +
  `and ${r.resources} resources ${r.constructMs} ms; plugin CPU ${r.cpuMs ?? "?"} ms, ${r.portCpuMs ?? "?"} ms of it ` +
  `before the port); first start with an empty compile cache ${r.firstRunMs} ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

async function main() {
  const engine = new FakeEngine();
  await engine.start();
  const inputs = workflowInputs();
  const plugin = PROFILE_DIR ? profiledPlugin(path.resolve(PROFILE_DIR)) : PLUGIN;
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), "sfn-workflows-plugin-"));
  const floors = [];
  let checkout;
  let tarball;
  try {
    checkout = await measure(engine, inputs, plugin, {}, floors);
    if (fs.existsSync(TARBALL)) {
      const { plugin: launcher, tarballBytes, unpackedBytes } = unpackTarball(unpacked);
      // No Node.js reachable: the tarball brings its own.
      tarball = { ...(await measure(engine, inputs, launcher, { PATH: "/nonexistent" })), tarballBytes, unpackedBytes };
    }
  } finally {
    await engine.stop();
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
  const result = {
    bench: "coldStart",
    node: process.version,
    runs: RUNS,
    tasks: TASKS,
    ...checkout,
    sdkFloorMs: round(median(floors)),
    targetMs: TARGET_MS,
    met: checkout.medianMs < TARGET_MS,
    tarball: tarball && { platform: PLATFORM, ...tarball, targetMs: TARBALL_TARGET_MS, met: tarball.medianMs < TARBALL_TARGET_MS },
  };
  console.log(JSON.stringify(result));
  console.log(
    `cold start, ${describe("checkout", checkout)}; node + @pulumi/pulumi alone ${result.sdkFloorMs} ms; ` +
      `target < ${TARGET_MS} ms: ${result.met ? "met" : "MISSED"}` +
      (PROFILE_DIR ? `; CPU profiles in ${path.resolve(PROFILE_DIR)}` : ""),
  );
  console.log(
    tarball
      ? `cold start, ${describe(`release tarball ${PLATFORM}`, tarball)}; size ${mb(tarball.tarballBytes)} packed, ` +
          `${mb(tarball.unpackedBytes)} unpacked; target < ${TARBALL_TARGET_MS} ms: ${result.tarball.met ? "met" : "MISSED"}`
      : `cold start, release tarball: ${path.relative(REPO, TARBALL)} is missing (make dist-plugin)`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
