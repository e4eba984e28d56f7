/**
 * Whether the caller's own statements (a Workflow's `policyStatements`) already let the role use a
 * customer managed key the definition cannot name: then `kms-key-unknown` has nothing to ask for.
 */
import type { PolicyStatement } from "../model/types";

/** An IAM wildcard (`*` any run of characters, `?` one) as a regular expression. */
function wildcard(pattern: string, flags = ""): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, flags);
}

/** A KMS key ARN, with wildcards in any part: the key the definition cannot name may be any of them. */
const KEY_ARN = /^arn:[^:]+:kms:[^:]*:[^:]*:key\/.+$/;

/**
 * A resource that may be the key: a key ARN (IAM never matches an alias ARN against a key), a
 * wildcard covering keys (`*`, `arn:aws:kms:*`), or a value known only at deployment (`${...}`),
 * which is checked again once substituted.
 */
function mayBeKey(resource: string): boolean {
  if (resource.includes("${") || KEY_ARN.test(resource)) return true;
  const partition = resource.split(":")[1] ?? "aws";
  return wildcard(resource).test(`arn:${partition}:kms:us-east-1:123456789012:key/k`);
}

/**
 * Whether Allow statements on a resource that may be the key grant every one of `actions`. An
 * action written with a trailing `*` (`kms:GenerateDataKey*`) is the family the service calls
 * from: its plain name is what must be granted.
 */
export function grantsUnknownKey(statements: readonly PolicyStatement[], actions: readonly string[]): boolean {
  const onKeys = statements.filter((s) => s.Effect === "Allow" && s.Resource.some(mayBeKey));
  return actions.every((action) => onKeys.some((s) => s.Action.some((pattern) => wildcard(pattern, "i").test(action.replace(/\*$/, "")))));
}
