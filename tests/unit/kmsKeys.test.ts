/** Customer managed keys of another account than the deployment's: rule kms-key-other-account. */
import { strict as assert } from "node:assert";
import { ACCOUNT, capture } from "../support/mocks";
import { approvalDefinition } from "../support/definitions";
import { captureWarnings } from "../support/logs";
import { CallbackQueue, SyncEndpoint, Workflow } from "../../provider/src";
import { otherAccountKeyWarning } from "../../provider/src/components/kmsKeys";

const OTHER = "210987654321";
const keyIn = (account: string) => `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const QUEUE_MESSAGE = `the key is in account ${OTHER}, not ${ACCOUNT} where this is deployed; SQS uses it with the credentials of whoever sends and receives, and a key of another account is usable only where its key policy allows the caller too: add to the key policy in ${OTHER} kms:GenerateDataKey and kms:Decrypt for the senders (the workflow's execution role, senderRoleArns) and kms:Decrypt for the workers' roles`;
const LOGS_MESSAGE = `the key is in account ${OTHER}, not ${ACCOUNT} where this is deployed; CloudWatch Logs uses only the key policy (no IAM policy counts): the key policy in ${OTHER} must allow the service principal logs.us-east-1.amazonaws.com kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey*, kms:Describe* with the condition ArnLike kms:EncryptionContext:aws:logs:arn = arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*`;

const keyWarnings = (warnings: Array<{ message: string }>) =>
  warnings.filter((w) => w.message.startsWith("[kms-key-other-account]")).map((w) => w.message);

describe("rule kms-key-other-account", () => {
  it("says what the key policy of the other account must allow, for a queue and for logs", () => {
    assert.deepEqual(otherAccountKeyWarning("kmsKeyArn", keyIn(OTHER), ACCOUNT, "queue"), {
      severity: "warning",
      rule: "kms-key-other-account",
      state: null,
      input: "kmsKeyArn",
      message: QUEUE_MESSAGE,
    });
    assert.equal(otherAccountKeyWarning("logging.kmsKeyArn", keyIn(OTHER), ACCOUNT, "logs")?.message, LOGS_MESSAGE);
    assert.equal(otherAccountKeyWarning("kmsKeyArn", keyIn(ACCOUNT), ACCOUNT, "queue"), undefined);
    assert.equal(otherAccountKeyWarning("logging.kmsKeyArn", keyIn(ACCOUNT), ACCOUNT, "logs"), undefined);
  });

  it("is logged on the Workflow (logs), its callback queue, a CallbackQueue and a SyncEndpoint's access logs", async () => {
    const { warnings } = await captureWarnings(() =>
      capture(() => [
        new Workflow("foreign-keys", {
          definition: approvalDefinition(),
          callbacks: { reviewers: { kmsKeyArn: keyIn(OTHER) } },
          logging: { kmsKeyArn: keyIn(OTHER) },
        }).stateMachineArn,
        new CallbackQueue("foreign-queue", { kmsKeyArn: keyIn(OTHER) }).queueUrl,
        new SyncEndpoint("foreign-logs", {
          stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:quotes",
          accessLogs: { kmsKeyArn: keyIn(OTHER) },
        }).url,
      ]),
    );
    assert.deepEqual(keyWarnings(warnings).sort(), [
      `[kms-key-other-account] accessLogs.kmsKeyArn: ${LOGS_MESSAGE}`,
      `[kms-key-other-account] kmsKeyArn: ${QUEUE_MESSAGE}`,
      `[kms-key-other-account] kmsKeyArn: ${QUEUE_MESSAGE}`,
      `[kms-key-other-account] logging.kmsKeyArn: ${LOGS_MESSAGE}`,
    ]);
  });

  it("is silent for keys of the deploying account", async () => {
    const { warnings } = await captureWarnings(() =>
      capture(() => [
        new Workflow("own-keys", {
          definition: approvalDefinition(),
          callbacks: { reviewers: { kmsKeyArn: keyIn(ACCOUNT) } },
          logging: { kmsKeyArn: keyIn(ACCOUNT) },
        }).stateMachineArn,
        new CallbackQueue("own-queue", { kmsKeyArn: keyIn(ACCOUNT) }).queueUrl,
      ]),
    );
    assert.deepEqual(keyWarnings(warnings), []);
  });
});
