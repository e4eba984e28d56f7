/**
 * A customer managed key named in an option (a callback queue's, the execution logs'). IAM
 * statements and key policies match the key's ARN: an alias ARN in a grant is never matched, so the
 * workflow would fail to use the key at run time. Outputs are checked by AWS at deployment.
 */
import type { Problems } from "./errors";

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;
const ALIAS_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:alias\/(.+)$/;

export function checkKmsKeyArn(problems: Problems, option: string, value: unknown): void {
  if (typeof value !== "string") return;
  const alias = ALIAS_ARN.exec(value);
  if (alias) {
    problems.error(
      "invalid-option",
      option,
      `${value} is an alias ARN, which IAM never matches against the key a request uses; give the key's ARN (aws kms describe-key --key-id alias/${alias[1]} --query KeyMetadata.Arn)`,
    );
  } else if (!KEY_ARN.test(value)) {
    problems.error("invalid-option", option, `${JSON.stringify(value)} is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID)`);
  }
}
