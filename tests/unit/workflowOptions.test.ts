import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { capture, registered } from "../support/mocks";
import { approvalDefinition, quoteDefinition } from "../support/definitions";
import { captureWarnings } from "../support/logs";
import { InputError, Workflow } from "../../provider/src";

/** Rules the components add on top of the definition analysis. */
describe("Workflow option rules", () => {
  it("retention-below-timeout: a callback task that may outwait the queue's retention", async () => {
    const definition = approvalDefinition();
    (definition.States as Record<string, Record<string, unknown>>).Ask.TimeoutSeconds = 2_000_000;
    const { warnings } = await captureWarnings(() =>
      capture(() => new Workflow("long-wait", { definition, callbacks: { reviewers: {} } }).stateMachineArn),
    );
    assert.deepEqual(
      warnings.filter((w) => w.message.startsWith("[retention-below-timeout]")).map((w) => w.message),
      [
        "[retention-below-timeout] callbacks.reviewers: tasks may wait 2000000 s but messages are kept at most 1209600 s: a message can expire before a worker sees it; set TimeoutSeconds on the tasks",
      ],
    );
    const { warnings: none } = await captureWarnings(() =>
      capture(() => new Workflow("day-wait", { definition: approvalDefinition(), callbacks: { reviewers: {} } }).stateMachineArn),
    );
    assert.deepEqual(
      none.filter((w) => w.message.startsWith("[retention-below-timeout]")),
      [],
    );
  });

  it("kms-key-unknown: silent once policyStatements grant the key's actions, checked again once an Output key is known", async () => {
    const definition = {
      StartAt: "Send",
      States: {
        Send: {
          Type: "Task",
          Resource: "arn:aws:states:::sqs:sendMessage",
          Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/jobs", MessageBody: "hi" },
          End: true,
        },
      },
    };
    const keyWarnings = async (name: string, resource: pulumi.Input<string>) => {
      const { warnings } = await captureWarnings(() =>
        capture(
          () =>
            new Workflow(name, {
              definition,
              policyStatements: [{ Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: [resource] }],
            }).stateMachineArn,
        ),
      );
      return warnings.filter((w) => w.message.startsWith("[kms-key-unknown]")).map((w) => w.message);
    };
    const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    assert.deepEqual(await keyWarnings("keyed", key), []);
    assert.deepEqual(await keyWarnings("keyed-later", pulumi.output(key)), []);
    // Known only once deployed, and no key: the warning comes then.
    assert.deepEqual(await keyWarnings("not-a-key", pulumi.output("arn:aws:s3:::bucket/*")), [
      '[kms-key-unknown] definition > Send: sqs:sendMessage: if queue https://sqs.us-east-1.amazonaws.com/123456789012/jobs is encrypted with a customer managed KMS key, the role also needs kms:GenerateDataKey, kms:Decrypt on that key; add { "Effect": "Allow", "Action": ["kms:GenerateDataKey","kms:Decrypt"], "Resource": ["KEY_ARN"] } to policyStatements',
    ]);
  });

  it("express-without-logs: an EXPRESS workflow with logging OFF keeps no record", async () => {
    const { warnings } = await captureWarnings(() =>
      capture(
        () =>
          new Workflow("blind", {
            workflowType: "EXPRESS",
            definition: quoteDefinition(),
            definitionSubstitutions: { QuotesTable: "q" },
            logging: { level: "OFF" },
          }).stateMachineArn,
      ),
    );
    assert.ok(
      warnings.some((w) => w.message.startsWith("[express-without-logs] logging.level: an EXPRESS workflow keeps no execution history")),
    );
  });

  it("bad-name: callback names and reserved substitution keys", () => {
    const before = registered.length;
    assert.throws(
      () =>
        new Workflow("names", {
          definition: approvalDefinition(),
          callbacks: { reviewers: {}, "bad name": {} },
          definitionSubstitutions: { "callbacks.reviewers.queueUrl": "x", "has space": "y" },
        }),
      (error: unknown) =>
        error instanceof InputError &&
        JSON.stringify(error.problems.filter((p) => p.rule === "bad-name").map((p) => p.input)) ===
          JSON.stringify([
            'definitionSubstitutions["callbacks.reviewers.queueUrl"]',
            "definitionSubstitutions.has space",
            "callbacks.bad name",
          ]),
    );
    assert.equal(registered.length, before);
  });

  it("policy-too-large: a definition needing more than ten managed policies is rejected up front", () => {
    const states: Record<string, unknown> = {};
    const count = 700;
    for (let i = 0; i < count; i++) {
      states[`S${i}`] = {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Parameters: { FunctionName: `a-rather-long-function-name-to-fill-the-policy-${i}` },
        ...(i < count - 1 ? { Next: `S${i + 1}` } : { End: true }),
      };
    }
    const before = registered.length;
    assert.throws(
      () => new Workflow("huge", { definition: { StartAt: "S0", States: states } }),
      (error: unknown) =>
        error instanceof InputError &&
        error.problems.length === 1 &&
        error.problems[0].rule === "policy-too-large" &&
        /more than 10 managed policies hold; split the workflow or pass roleArn/.test(error.problems[0].message),
    );
    assert.equal(registered.length, before);
  });

  it("invalid-arn: a KMS key given by alias ARN, or not as an ARN, before anything is created", () => {
    const before = registered.length;
    assert.throws(
      () =>
        new Workflow("kms-options", {
          definition: approvalDefinition(),
          callbacks: { reviewers: { kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/reviews" } },
          logging: { kmsKeyArn: "reviews-key" },
        }),
      (error: unknown) =>
        error instanceof InputError &&
        JSON.stringify(error.problems.map((p) => `${p.rule} ${p.input}: ${p.message}`)) ===
          JSON.stringify([
            `invalid-arn callbacks.reviewers.kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/reviews" is not a KMS key ARN: the resource "alias/reviews" is an alias, which IAM statements and key policies never match against the key a request uses; give the key's ARN (aws kms describe-key --key-id alias/reviews --query KeyMetadata.Arn); expected a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/KEY_ID`,
            'invalid-arn logging.kmsKeyArn: "reviews-key" is not an ARN; expected a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/KEY_ID',
          ]),
    );
    assert.equal(registered.length, before);
  });

  it("invalid-option: alarm settings", () => {
    assert.throws(
      () =>
        new Workflow("alarm-options", {
          definition: approvalDefinition(),
          callbacks: { reviewers: {} },
          alarms: {
            evaluationPeriods: 0,
            executionsFailed: { threshold: -1, datapointsToAlarm: 3 },
            treatMissingData: "sometimes" as "missing",
          },
        }),
      (error: unknown) =>
        error instanceof InputError &&
        JSON.stringify(error.problems.map((p) => `${p.input}: ${p.message}`)) ===
          JSON.stringify([
            'alarms.treatMissingData: "sometimes" is not one of missing, ignore, breaching, notBreaching',
            "alarms.evaluationPeriods: 0 must be a whole number from 1 to 100",
            "alarms.executionsFailed.datapointsToAlarm: 3 must be a whole number from 1 to 1",
            "alarms.executionsFailed.threshold: -1 must be a number of at least 0",
          ]),
    );
  });
});

describe("Workflow with many callback queues (the benchmark's workload)", () => {
  const chain = (n: number) => {
    const states: Record<string, unknown> = {};
    for (let i = 1; i <= n; i++) {
      states[`Task${i}`] = {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Parameters: { QueueUrl: `\${callbacks.q${i}.queueUrl}`, MessageBody: { "token.$": "$$.Task.Token" } },
        HeartbeatSeconds: 300,
        TimeoutSeconds: 3600,
        ...(i < n ? { Next: `Task${i + 1}` } : { End: true }),
      };
    }
    return { StartAt: "Task1", States: states };
  };
  const callbacks = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i + 1}`, { maxReceiveCount: 3 }]));

  for (const n of [50, 200]) {
    it(`${n} queues: every SendMessage is granted, each policy document within IAM's limits`, async () => {
      const { result: resources, warnings } = await captureWarnings(() =>
        capture(() => new Workflow(`many-${n}`, { definition: chain(n), callbacks: callbacks(n) }).stateMachineArn),
      );
      const documents = resources
        .filter((r) => ["aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy"].includes(r.type) && !r.name.endsWith("-worker"))
        .map((r) => r.inputs.policy as string);
      const limit = documents.length === 1 && resources.some((r) => r.type === "aws:iam/rolePolicy:RolePolicy") ? 10240 : 6144;
      for (const text of documents) assert.ok(text.length <= limit, `${text.length} > ${limit}`);
      const granted = documents.flatMap((text) =>
        JSON.parse(text)
          .Statement.filter((s: { Action: string[] }) => s.Action.includes("sqs:SendMessage"))
          .flatMap((s: { Resource: string[] }) => s.Resource),
      );
      assert.equal(new Set(granted).size, n);
      const worker = resources.find((r) => r.name === `many-${n}-worker`)!.inputs.policy as string;
      assert.ok(worker.length <= 6144, `worker policy is ${worker.length} characters`);
      const queueStatement = JSON.parse(worker).Statement[1];
      if (n === 50) assert.equal(queueStatement.Resource.length, 50);
      else {
        assert.deepEqual(queueStatement.Resource, [`arn:aws:sqs:us-east-1:123456789012:many-200-*`]);
        assert.ok(warnings.some((w) => w.message.startsWith("the worker policy cannot list 200 queues")));
      }
    });
  }
});
