/**
 * Customer managed keys named in options: a callback queue's, the execution logs', the sync
 * endpoint's access logs'. Their ARNs are checked by the one ARN check (analysis/arn.ts, which
 * refuses alias ARNs). A key of another account than the deployment's works only when its own key
 * policy lets in whoever uses it: IAM policies of the deploying account cannot grant it alone.
 */
import * as pulumi from "@pulumi/pulumi";
import { formatDiagnostic, type Problem } from "./errors";
import { whenPresent } from "./present";

/** What uses the key: SQS with its senders' and workers' credentials, or CloudWatch Logs itself. */
export type KeyUse = "queue" | "logs";

/** The `kms-key-other-account` warning for a key of another account than `account`, or undefined. */
export function otherAccountKeyWarning(input: string, keyArn: string, account: string, use: KeyUse): Problem | undefined {
  const [, , , region, owner] = keyArn.split(":");
  if (!/^\d{12}$/.test(owner ?? "") || owner === account) return undefined;
  const needs =
    use === "queue"
      ? `SQS uses it with the credentials of whoever sends and receives, and a key of another account is usable only where its key policy allows the caller too: add to the key policy in ${owner} kms:GenerateDataKey and kms:Decrypt for the senders (the workflow's execution role, senderRoleArns) and kms:Decrypt for the workers' roles`
      : `CloudWatch Logs uses only the key policy (no IAM policy counts): the key policy in ${owner} must allow the service principal logs.${region}.amazonaws.com kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey*, kms:Describe* with the condition ArnLike kms:EncryptionContext:aws:logs:arn = arn:aws:logs:${region}:${account}:log-group:*`;
  return {
    severity: "warning",
    rule: "kms-key-other-account",
    state: null,
    input,
    message: `the key is in account ${owner}, not ${account} where this is deployed; ${needs}`,
  };
}

/** Logs the warning on `resource` once the key and the deploying account are known. */
export function warnOtherAccountKey(
  resource: pulumi.Resource,
  input: string,
  keyArn: pulumi.Input<string>,
  account: pulumi.Input<string>,
  use: KeyUse,
): void {
  // Either may be absent under Pulumi mocks: then there is nothing to compare.
  whenPresent([keyArn, account], (key, deploying) => {
    const warning = otherAccountKeyWarning(input, key, deploying, use);
    if (warning) void pulumi.log.warn(formatDiagnostic(warning), resource);
  });
}
