import { strict as assert } from "node:assert";
import { ACCOUNT, capture, one, ofType, registered, REGION, valueOf } from "../support/mocks";
import { CallbackQueue, InputError } from "../../provider/src";
import { callbackQueueSettings } from "../../provider/src/components/alarmPlan";

describe("CallbackQueue on its own", () => {
  it("defaults: 30 s visibility, 14 days retention, DLQ after 5 receives, SSE, TLS-only policies, two alarms", async () => {
    let queue!: CallbackQueue;
    const resources = await capture(() => {
      queue = new CallbackQueue("jobs");
      return [queue.queueUrl, queue.alarmArns];
    });
    assert.deepEqual(resources.map((r) => `${r.type} ${r.name}`).sort(), [
      "aws:cloudwatch/metricAlarm:MetricAlarm jobs-dead-letters",
      "aws:cloudwatch/metricAlarm:MetricAlarm jobs-oldest-message",
      "aws:sqs/queue:Queue jobs",
      "aws:sqs/queue:Queue jobs-dlq",
      "aws:sqs/queuePolicy:QueuePolicy jobs",
      "aws:sqs/queuePolicy:QueuePolicy jobs-dlq",
      "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy jobs-dlq",
      "sfn-workflows:index:CallbackQueue jobs",
    ]);
    const main = one(resources, "aws:sqs/queue:Queue", "jobs").inputs;
    assert.deepEqual([main.visibilityTimeoutSeconds, main.messageRetentionSeconds, main.sqsManagedSseEnabled], [30, 1209600, true]);
    assert.equal(JSON.parse(main.redrivePolicy as string).maxReceiveCount, 5);
    // Without senders only TLS is enforced.
    assert.deepEqual(
      JSON.parse(one(resources, "aws:sqs/queuePolicy:QueuePolicy", "jobs").inputs.policy as string).Statement.map(
        (s: { Sid: string }) => s.Sid,
      ),
      ["DenyInsecureTransport"],
    );
    assert.deepEqual(JSON.parse(one(resources, "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy").inputs.redriveAllowPolicy as string), {
      redrivePermission: "byQueue",
      sourceQueueArns: [`arn:aws:sqs:${REGION}:${ACCOUNT}:jobs-abc123`],
    });
    assert.equal(one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "jobs-oldest-message").inputs.threshold, 30);
    assert.equal(await valueOf(queue.deadLetterQueueArn), `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs-dlq-abc123`);
    assert.deepEqual(Object.keys(await valueOf(queue.alarmArns)).sort(), ["deadLetters", "oldestMessageAge"]);
  });

  it("alarm settings and thresholds are configurable, and alarms can be turned off", async () => {
    const resources = await capture(
      () =>
        new CallbackQueue("tuned", {
          heartbeatSeconds: 120,
          alarms: {
            oldestMessageAgeSeconds: 600,
            deadLetterThreshold: 3,
            period: 300,
            evaluationPeriods: 2,
            actions: ["arn:aws:sns:us-east-1:123456789012:t"],
          },
        }).queueUrl,
    );
    const oldest = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "tuned-oldest-message").inputs;
    assert.deepEqual(
      [oldest.threshold, oldest.period, oldest.evaluationPeriods, oldest.alarmActions],
      [600, 300, 2, ["arn:aws:sns:us-east-1:123456789012:t"]],
    );
    assert.equal(one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "tuned-dead-letters").inputs.threshold, 3);
    assert.equal(one(resources, "aws:sqs/queue:Queue", "tuned").inputs.visibilityTimeoutSeconds, 120);
    const silent = await capture(() => new CallbackQueue("silent", { alarms: { enabled: false } }).queueUrl);
    assert.deepEqual(ofType(silent, "aws:cloudwatch/metricAlarm:MetricAlarm"), []);
  });

  it("rejects out-of-range settings before registering anything", () => {
    const before = registered.length;
    assert.throws(
      () => new CallbackQueue("bad", { maxReceiveCount: 2000, messageRetentionSeconds: 30, visibilityTimeoutSeconds: -1 }),
      (error: unknown) =>
        error instanceof InputError &&
        error.problems.map((p) => `${p.input}: ${p.message}`).join("\n") ===
          [
            "maxReceiveCount: 2000 must be a whole number from 1 to 1000",
            "visibilityTimeoutSeconds: -1 must be a whole number from 0 to 43200",
            "messageRetentionSeconds: 30 must be a whole number from 60 to 1209600",
          ].join("\n"),
    );
    assert.equal(registered.length, before);
  });
});

describe("callbackQueueSettings", () => {
  const cases: Array<[string, Parameters<typeof callbackQueueSettings>[0], ReturnType<typeof callbackQueueSettings>]> = [
    [
      "nothing known",
      {},
      { visibilityTimeoutSeconds: 30, messageRetentionSeconds: 1209600, maxReceiveCount: 5, oldestMessageAgeSeconds: 30 },
    ],
    [
      "short heartbeat is raised to 30 s",
      { heartbeatSeconds: 5 },
      { visibilityTimeoutSeconds: 30, messageRetentionSeconds: 1209600, maxReceiveCount: 5, oldestMessageAgeSeconds: 5 },
    ],
    [
      "long heartbeat is capped at SQS's 12 h",
      { heartbeatSeconds: 90000 },
      { visibilityTimeoutSeconds: 43200, messageRetentionSeconds: 1209600, maxReceiveCount: 5, oldestMessageAgeSeconds: 90000 },
    ],
    [
      "a short timeout keeps SQS's 4-day floor",
      { taskTimeoutSeconds: 3600 },
      { visibilityTimeoutSeconds: 30, messageRetentionSeconds: 345600, maxReceiveCount: 5, oldestMessageAgeSeconds: 30 },
    ],
    [
      "a week-long timeout adds a day",
      { taskTimeoutSeconds: 604800 },
      { visibilityTimeoutSeconds: 30, messageRetentionSeconds: 691200, maxReceiveCount: 5, oldestMessageAgeSeconds: 30 },
    ],
    [
      "a month-long timeout is capped at 14 days",
      { taskTimeoutSeconds: 2592000 },
      { visibilityTimeoutSeconds: 30, messageRetentionSeconds: 1209600, maxReceiveCount: 5, oldestMessageAgeSeconds: 30 },
    ],
    [
      "explicit values win",
      { heartbeatSeconds: 300, visibilityTimeoutSeconds: 900, messageRetentionSeconds: 7200, maxReceiveCount: 2 },
      { visibilityTimeoutSeconds: 900, messageRetentionSeconds: 7200, maxReceiveCount: 2, oldestMessageAgeSeconds: 300 },
    ],
  ];
  for (const [title, args, expected] of cases) {
    it(title, () => assert.deepEqual(callbackQueueSettings(args), expected));
  }
});
