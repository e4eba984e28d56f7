/**
 * Callback round trips per second against moto: the CallbackWorker at concurrency 1 and 10 beside
 * a naive sequential loop written with the same SDK (receive up to 10, SendTaskSuccess, delete, one
 * message after the other, no heartbeat, no visibility extension). Two workloads: handlers that do
 * nothing (the consumers' own overhead, bound by moto, a single Python process) and handlers that
 * wait 50 ms (a call to a database or an API: where concurrency pays).
 *
 * One round = N executions of a one-task callback machine are started and their N messages are
 * waiting in the queue; the clock runs from the consumer's start until its N-th DeleteMessage, so
 * the figure is the consumer's side of the round trip on this engine (moto's own execution threads
 * are not in it). Each consumer gets ROUNDS rounds, interleaved; the median is reported, and every
 * execution is checked to have SUCCEEDED.
 *
 * Needs `make build` (worker/bin) and `make moto` (.venv), or MOTO_ENDPOINT for a running server.
 * Environment: BENCH_CALLBACKS (N, default 100), BENCH_ROUNDS (default 3), BENCH_HANDLER_MS
 * (the workloads' handler times, default "0,50").
 * Prints a table, then one JSON line with the medians.
 */
const path = require("node:path");
const fs = require("node:fs");
const { performance } = require("node:perf_hooks");
const { setTimeout } = require("node:timers");

const WORKER_BIN = path.join(__dirname, "..", "..", "worker", "bin", "index.js");
if (!fs.existsSync(WORKER_BIN)) {
  console.error("worker/bin is missing: run `make build` first.");
  process.exit(2);
}
const { CallbackWorker, silentLogger } = require(WORKER_BIN);
const {
  SQSClient,
  CreateQueueCommand,
  ReceiveMessageCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
} = require("@aws-sdk/client-sqs");
const {
  SFNClient,
  CreateStateMachineCommand,
  StartExecutionCommand,
  SendTaskSuccessCommand,
  ListExecutionsCommand,
} = require("@aws-sdk/client-sfn");
const { startMoto, motoClientConfig, MOTO_ACCOUNT } = require("../support/moto");
const { median } = require("./median");

const N = Number(process.env.BENCH_CALLBACKS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const HANDLER_MS = (process.env.BENCH_HANDLER_MS ?? "0,50").split(",").map(Number);
const HEARTBEAT_SECONDS = 60;
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(ROUNDS) || ROUNDS < 1 || HANDLER_MS.some((ms) => !Number.isInteger(ms) || ms < 0)) {
  console.error(
    "BENCH_CALLBACKS and BENCH_ROUNDS must be whole numbers of at least 1, BENCH_HANDLER_MS a comma-separated list of whole numbers.",
  );
  process.exit(2);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One callback task, the workload's unit; the same shape as the example's (token in a JSON envelope). */
function definition(queueUrl) {
  return {
    StartAt: "Ask",
    States: {
      Ask: {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Parameters: { QueueUrl: queueUrl, MessageBody: { "token.$": "$$.Task.Token", "order.$": "$" } },
        HeartbeatSeconds: HEARTBEAT_SECONDS,
        TimeoutSeconds: 600,
        End: true,
      },
    },
  };
}

async function visibleMessages(sqs, queueUrl) {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["ApproximateNumberOfMessages"] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages);
}

/** Starts N executions and waits until their N messages are in the queue. */
async function prepare(clients, machineArn, queueUrl, label) {
  for (let i = 0; i < N; i += 20)
    await Promise.all(
      Array.from({ length: Math.min(20, N - i) }, (_, j) =>
        clients.sfn.send(
          new StartExecutionCommand({
            stateMachineArn: machineArn,
            name: `${label}-${i + j}`,
            input: JSON.stringify({ orderId: `${label}-${i + j}` }),
          }),
        ),
      ),
    );
  const deadline = Date.now() + 120_000;
  while ((await visibleMessages(clients.sqs, queueUrl)) < N) {
    if (Date.now() > deadline) throw new Error(`${label}: the ${N} messages did not arrive within 120 s`);
    await sleep(100);
  }
}

/** The naive loop: what a hand-written consumer looks like. */
async function naive(clients, queueUrl, handlerMs) {
  let done = 0;
  while (done < N) {
    const { Messages = [] } = await clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    for (const message of Messages) {
      const { token } = JSON.parse(message.Body);
      if (handlerMs) await sleep(handlerMs);
      await clients.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }));
      await clients.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
      done += 1;
    }
  }
}

/** The CallbackWorker, stopped once it has completed (and deleted) N messages. */
async function worker(clients, queueUrl, concurrency, handlerMs) {
  let done = 0;
  let finish;
  const all = new Promise((resolve) => (finish = resolve));
  const callbackWorker = new CallbackWorker({
    queueUrl,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    concurrency,
    waitTimeSeconds: 1,
    sqs: clients.sqs,
    sfn: clients.sfn,
    signals: [],
    logger: silentLogger,
    onMetric: (metric) => {
      if (metric.name === "CallbacksSucceeded" && ++done === N) finish();
    },
    handler: async () => {
      if (handlerMs) await sleep(handlerMs);
      return { approved: true };
    },
  });
  const running = callbackWorker.start();
  await all;
  // CallbacksSucceeded comes just before the delete; the worker finishes it while stopping.
  await callbackWorker.stop();
  await running;
}

async function allSucceeded(clients, machineArn) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const running = await clients.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machineArn, statusFilter: "RUNNING", maxResults: 1 }),
    );
    if (!running.executions.length) break;
    if (Date.now() > deadline) throw new Error("executions still RUNNING 60 s after their callbacks");
    await sleep(100);
  }
  const failed = await clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: machineArn, statusFilter: "FAILED", maxResults: 1 }));
  if (failed.executions.length) throw new Error(`execution ${failed.executions[0].name} FAILED`);
}

async function main() {
  const moto = process.env.MOTO_ENDPOINT ? undefined : await startMoto();
  const endpoint = process.env.MOTO_ENDPOINT ?? moto.endpoint;
  const stopMoto = () => moto?.stop();
  process.once("SIGINT", () => void stopMoto().then(() => process.exit(130)));
  const clients = { sqs: new SQSClient(motoClientConfig(endpoint)), sfn: new SFNClient(motoClientConfig(endpoint)) };
  try {
    const consumers = [
      { name: "naive sequential loop", run: (queueUrl, ms) => naive(clients, queueUrl, ms) },
      { name: "CallbackWorker, concurrency 1", run: (queueUrl, ms) => worker(clients, queueUrl, 1, ms) },
      { name: "CallbackWorker, concurrency 10", run: (queueUrl, ms) => worker(clients, queueUrl, 10, ms) },
    ];
    process.stderr.write(`moto on ${endpoint}; ${N} callbacks per round, ${ROUNDS} rounds per consumer and workload `);
    const results = [];
    for (const handlerMs of HANDLER_MS) {
      const rates = consumers.map(() => []);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [c, consumer] of consumers.entries()) {
          const label = `h${handlerMs}r${round}c${c}`;
          // A queue and a machine per round, so no round sees another's leftovers.
          const { QueueUrl } = await clients.sqs.send(
            new CreateQueueCommand({ QueueName: `bench-${label}`, Attributes: { VisibilityTimeout: "60" } }),
          );
          const { stateMachineArn } = await clients.sfn.send(
            new CreateStateMachineCommand({
              name: `bench-${label}`,
              roleArn: `arn:aws:iam::${MOTO_ACCOUNT}:role/bench`,
              definition: JSON.stringify(definition(QueueUrl)),
            }),
          );
          await prepare(clients, stateMachineArn, QueueUrl, label);
          const start = performance.now();
          await consumer.run(QueueUrl, handlerMs);
          const seconds = (performance.now() - start) / 1000;
          await allSucceeded(clients, stateMachineArn);
          rates[c].push(N / seconds);
          process.stderr.write(".");
        }
      }
      results.push({ handlerMs, rates, medians: rates.map(median) });
    }
    process.stderr.write("\n");
    console.log(`\nCallback round trips per second against moto (${N} waiting callbacks, median of ${ROUNDS} rounds)`);
    for (const { handlerMs, rates, medians } of results) {
      console.log(`\n  ${`handler ${handlerMs} ms`.padEnd(32)} ${"per second".padStart(10)}   ${"vs naive".padStart(8)}   rounds`);
      for (const [c, consumer] of consumers.entries())
        console.log(
          `  ${consumer.name.padEnd(32)} ${medians[c].toFixed(1).padStart(10)}   ${`${(medians[c] / medians[0]).toFixed(2)}x`.padStart(8)}   ${rates[c].map((r) => r.toFixed(1)).join(" ")}`,
        );
    }
    console.log(
      "\n  The worker sends a first heartbeat per message (a dead token is dropped before its handler runs) and\n" +
        "  keeps heartbeats and visibility going while a handler runs; the naive loop does neither. moto serves\n" +
        "  every call from one Python process, so calls, not waiting, bound the 0 ms workload.\n",
    );
    console.log(
      JSON.stringify({
        benchmark: "callbacks",
        callbacks: N,
        rounds: ROUNDS,
        perSecond: Object.fromEntries(
          results.map(({ handlerMs, medians }) => [
            `handler ${handlerMs} ms`,
            Object.fromEntries(consumers.map((consumer, c) => [consumer.name, Number(medians[c].toFixed(2))])),
          ]),
        ),
      }),
    );
  } finally {
    clients.sqs.destroy();
    clients.sfn.destroy();
    await stopMoto();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
