/**
 * The reference workload shared by the benchmarks: one STANDARD workflow whose N Task states are
 * SQS callback tasks (.waitForTaskToken) chained one after the other, each with its own queue.
 */
const { performance } = require("node:perf_hooks");
const { setTimeout } = require("node:timers");

const ALARM_TOPIC = "arn:aws:sns:us-east-1:123456789012:workflow-alarms";
const MAX_RECEIVE_COUNT = 3;
const HEARTBEAT_SECONDS = 300;
const TIMEOUT_SECONDS = 3600;

/** Callback (and queue) name of task i, 1-based. */
const callbackName = (i) => `q${i}`;
const stateName = (i) => `Task${i}`;

/** The ASL definition; `queueUrl(i)` writes the QueueUrl of task i (a placeholder, or a CDK token). */
function definition(n, queueUrl) {
  const states = {};
  for (let i = 1; i <= n; i++) {
    states[stateName(i)] = {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: queueUrl(i), MessageBody: { "token.$": "$$.Task.Token", "input.$": "$" } },
      HeartbeatSeconds: HEARTBEAT_SECONDS,
      TimeoutSeconds: TIMEOUT_SECONDS,
      ...(i < n ? { Next: stateName(i + 1) } : { End: true }),
    };
  }
  return { Comment: `Reference workload: ${n} chained callback tasks`, StartAt: stateName(1), States: states };
}

/** N from argv[2], a whole number of at least 1. */
function parseN(argv) {
  const n = Number(argv[2]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`usage: node ${argv[1]} N   (N: number of callback tasks, at least 1)`);
    process.exit(2);
  }
  return n;
}

/** Milliseconds since the process started (module loading included). */
const elapsedMs = () => Math.round(performance.now() * 10) / 10;

/** Peak resident set size of this process, in MB. */
const maxRssMb = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

/** CPU time (user + system, all threads) this process has used so far, in milliseconds. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
};

/** The measurements every benchmark line carries. */
const measurements = () => ({ ms: elapsedMs(), cpuMs: cpuMs(), maxRssMb: maxRssMb() });

/**
 * Fails the process if it has not exited `ms` after its result was printed: the timer is unref'd,
 * so it only fires when something else (a socket, a timer) keeps the event loop alive.
 */
function exitGuard(ms = 10_000) {
  setTimeout(() => {
    console.error(
      `still running ${ms} ms after the result was printed: something keeps the event loop alive (${process.getActiveResourcesInfo().join(", ")})`,
    );
    process.exit(3);
  }, ms).unref();
}

module.exports = {
  ALARM_TOPIC,
  MAX_RECEIVE_COUNT,
  HEARTBEAT_SECONDS,
  TIMEOUT_SECONDS,
  callbackName,
  stateName,
  definition,
  parseN,
  elapsedMs,
  maxRssMb,
  cpuMs,
  measurements,
  exitGuard,
};
