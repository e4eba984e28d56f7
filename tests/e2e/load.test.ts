/**
 * Scenario 9 of issue 5: 200 callback tasks across 10 workers on moto, with no loss (every
 * execution succeeds) and no duplicate completion (one accepted answer per task). Prints the
 * throughput it saw, and how often at-least-once delivery ran a handler twice.
 */
import { strict as assert } from "node:assert";
import { DescribeExecutionCommand, ListExecutionsCommand } from "@aws-sdk/client-sfn";
import { startMoto, type Moto } from "../support/moto";
import { MotoAws } from "./support/aws";
import { deployWorkflow } from "./support/deploy";
import { exampleDefinition } from "./support/examples";
import { eventually, history, queueDepth, sleep, startExecution } from "./support/executions";
import { startWorker, withoutRegistrationRace, type Harness } from "./support/harness";

const TASKS = 200;
const WORKERS = 10;
const CONCURRENCY = 5;

describe("callbacks under load (moto)", function () {
  this.timeout(300_000);
  let moto: Moto;
  let aws: MotoAws;

  before(async () => {
    moto = await startMoto();
    aws = new MotoAws(moto.endpoint);
  });

  after(async () => {
    aws?.destroy();
    await moto?.stop();
  });

  it(`9. ${TASKS} callback tasks across ${WORKERS} workers complete with no loss and no duplicate completion`, async () => {
    await aws.createTable("orders", "orderId");
    const topicArn = await aws.createTopic("ops");
    const deployed = await deployWorkflow(aws, "e2e-load", {
      definition: exampleDefinition("order-approval.asl.json", { "Ask reviewers": { HeartbeatSeconds: 60, TimeoutSeconds: 600 } }),
      callbacks: { reviewers: {} },
      definitionSubstitutions: { OrdersTable: "orders", EscalationTopic: topicArn },
    });
    const queueUrl = deployed.queues.reviewers.queueUrl;
    /** orderId -> the workers whose handler ran for it. */
    const handledBy = new Map<string, number[]>();
    const workers: Harness[] = [];
    for (let w = 0; w < WORKERS; w++)
      workers.push(
        startWorker(aws, queueUrl, {
          heartbeatSeconds: 60,
          concurrency: CONCURRENCY,
          logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
          handler: async (message) => {
            const orderId = (message.order as { orderId: string }).orderId;
            handledBy.set(orderId, [...(handledBy.get(orderId) ?? []), w]);
            await sleep(Math.random() * 20);
            return { approved: true, worker: w };
          },
        }),
      );
    try {
      const started = Date.now();
      const arns: string[] = [];
      for (let i = 0; i < TASKS; i += 20)
        arns.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(20, TASKS - i) }, (_, j) =>
              startExecution(aws, deployed.stateMachineArn, `load-${i + j}`, { orderId: `o-${i + j}` }),
            ),
          )),
        );
      for (;;) {
        const running = await aws.sfn.send(
          new ListExecutionsCommand({ stateMachineArn: deployed.stateMachineArn, statusFilter: "RUNNING" }),
        );
        if (!running.executions?.length) break;
        if (Date.now() - started > 240_000) {
          const stuck = running.executions.map((e) => e.name as string);
          const trails = workers.map((w, i) => [i, w.calls.filter((c) => c.error).map((c) => [c.command, c.error, c.at - started])]);
          throw new Error(`still RUNNING after 240 s: ${stuck.join(", ")}; failed worker calls: ${JSON.stringify(trails)}`);
        }
        await sleep(200);
      }
      const seconds = (Date.now() - started) / 1000;

      // No loss: every execution SUCCEEDED, with the output of the one worker whose answer was accepted.
      const results = await Promise.all(arns.map((executionArn) => aws.sfn.send(new DescribeExecutionCommand({ executionArn }))));
      assert.deepEqual(
        results.filter((r) => r.status !== "SUCCEEDED").map((r) => [r.name, r.status, r.error]),
        [],
      );
      await eventually("every delete", () => workers.reduce((n, w) => n + w.count("DeleteMessageCommand"), 0) >= TASKS);
      // No duplicate completion: one accepted SendTaskSuccess per task, from the worker the output names.
      const accepted = workers.flatMap((w, worker) =>
        w.calls.filter((c) => c.command === "SendTaskSuccessCommand" && c.error === undefined).map((c) => ({ token: c.token, worker })),
      );
      assert.equal(accepted.length, TASKS);
      assert.equal(new Set(accepted.map((c) => c.token)).size, TASKS);
      for (const [i, result] of results.entries()) {
        const output = JSON.parse(result.output as string) as { decision: { worker: number } };
        assert.deepEqual(output, { orderId: `o-${i}`, decision: { approved: true, worker: output.decision.worker } });
        assert.ok(handledBy.get(`o-${i}`)?.includes(output.decision.worker), `o-${i}: answered by a worker whose handler ran for it`);
      }
      const histories = await Promise.all(arns.map((arn) => history(aws, arn)));
      // The callback and Record decision, once each.
      assert.ok(histories.every((events) => events.filter((e) => e.type === "TaskSucceeded").length === 2));
      assert.deepEqual(await queueDepth(aws, queueUrl), { visible: 0, inFlight: 0 });

      // At-least-once: a message redelivered under load may run its handler twice; the second answer is refused.
      const reruns = [...handledBy.values()].reduce((n, workersOf) => n + workersOf.length - 1, 0);
      const refused = workers.flatMap((w) => withoutRegistrationRace(w.calls).filter((c) => c.error !== undefined));
      assert.ok(
        refused.every(
          (c) =>
            ["SendTaskHeartbeatCommand", "SendTaskSuccessCommand"].includes(c.command) &&
            ["InvalidToken", "TaskTimedOut", "TaskDoesNotExist"].includes(c.error as string),
        ),
        `only refused tokens fail: ${JSON.stringify(refused)}`,
      );
      assert.equal(handledBy.size, TASKS);
      const raced = workers.reduce((n, w) => n + w.calls.length - withoutRegistrationRace(w.calls).length, 0);
      console.log(
        `      ${TASKS} callbacks, ${WORKERS} workers x concurrency ${CONCURRENCY}: ${seconds.toFixed(1)} s, ${(TASKS / seconds).toFixed(1)} round trips/s`,
      );
      console.log(
        `      completions per worker: ${accepted.length ? workers.map((_, w) => accepted.filter((c) => c.worker === w).length).join(", ") : "-"}; handler re-runs after a redelivery: ${reruns}; first heartbeats ahead of moto: ${raced}`,
      );
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });
});
