import { strict as assert } from "node:assert";
import { workerPolicy, queuePolicy, executionTrustPolicy } from "../../provider/src/components/policyDocuments";
import type { PolicyStatement } from "../../provider/src/model/types";
import { decide } from "../support/simulate";

const QUEUE = "arn:aws:sqs:us-east-1:123456789012:approvals-reviewers";
const MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:approvals";

describe("worker policy under the policy simulator", () => {
  const statements = workerPolicy({ queueArns: [QUEUE], activityArns: [], kmsKeyArns: [] }).Statement as PolicyStatement[];

  it("lets a worker receive, extend, delete and complete callbacks", async () => {
    for (const action of ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"]) {
      assert.equal(await decide(statements, [action, QUEUE]), "Allowed", action);
    }
    for (const action of ["states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"]) {
      assert.equal(await decide(statements, [action, "*"]), "Allowed", action);
    }
  });

  it("nothing else: no sending, no other queue, no starting executions", async () => {
    assert.equal(await decide(statements, ["sqs:SendMessage", QUEUE]), "ImplicitlyDenied");
    assert.equal(await decide(statements, ["sqs:PurgeQueue", QUEUE]), "ImplicitlyDenied");
    assert.equal(await decide(statements, ["sqs:ReceiveMessage", `${QUEUE}-dlq`]), "ImplicitlyDenied");
    assert.equal(await decide(statements, ["states:StartExecution", MACHINE]), "ImplicitlyDenied");
  });

  it("why '*': the task-response actions are wildcard-only, so a machine-scoped grant does not match them", async () => {
    const scoped: PolicyStatement[] = [{ Effect: "Allow", Action: ["states:SendTaskSuccess"], Resource: [MACHINE] }];
    assert.equal(await decide(scoped, ["states:SendTaskSuccess", "*"]), "ImplicitlyDenied");
  });

  it("adds activity polling and key use only when there are activities and keys", () => {
    const key = "arn:aws:kms:us-east-1:123456789012:key/abc";
    const activity = "arn:aws:states:us-east-1:123456789012:activity:review";
    assert.deepEqual(workerPolicy({ queueArns: [], activityArns: [activity], kmsKeyArns: [key] }).Statement, [
      { Effect: "Allow", Action: ["states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess"], Resource: ["*"] },
      { Effect: "Allow", Action: ["states:GetActivityTask"], Resource: [activity] },
      { Effect: "Allow", Action: ["kms:Decrypt"], Resource: [key] },
    ]);
  });
});

describe("resource and trust policies", () => {
  it("the queue policy denies plain HTTP always, and SendMessage from anyone but the senders", () => {
    assert.deepEqual(
      queuePolicy(QUEUE, []).Statement.map((s) => s.Sid),
      ["DenyInsecureTransport"],
    );
    const role = "arn:aws:iam::123456789012:role/sender";
    assert.deepEqual(queuePolicy(QUEUE, [role]).Statement[1], {
      Sid: "DenyOtherSenders",
      Effect: "Deny",
      Principal: "*",
      Action: ["sqs:SendMessage"],
      Resource: [QUEUE],
      Condition: { ArnNotEquals: { "aws:PrincipalArn": [role] } },
    });
  });

  it("the trust policy names the partition, region, account and machine pattern", () => {
    assert.deepEqual(executionTrustPolicy("aws-cn", "cn-north-1", "111122223333", "flow-*").Statement[0].Condition, {
      StringEquals: { "aws:SourceAccount": "111122223333" },
      ArnLike: { "aws:SourceArn": "arn:aws-cn:states:cn-north-1:111122223333:stateMachine:flow-*" },
    });
  });
});
