/** Pulumi aws.sqs.Queue inputs as SQS attributes, for the local deployers (LocalStack here, moto in tests/e2e). */

/** Pulumi input -> SQS attribute name. An input not listed fails the deployment rather than being dropped. */
export const QUEUE_ATTRIBUTES: Record<string, string> = {
  visibilityTimeoutSeconds: "VisibilityTimeout",
  messageRetentionSeconds: "MessageRetentionPeriod",
  sqsManagedSseEnabled: "SqsManagedSseEnabled",
  kmsMasterKeyId: "KmsMasterKeyId",
  kmsDataKeyReusePeriodSeconds: "KmsDataKeyReusePeriodSeconds",
  redrivePolicy: "RedrivePolicy",
  redriveAllowPolicy: "RedriveAllowPolicy",
  delaySeconds: "DelaySeconds",
  maxMessageSize: "MaximumMessageSize",
  receiveWaitTimeSeconds: "ReceiveMessageWaitTimeSeconds",
};

/**
 * A Queue's inputs as attributes and tags; `json` rewrites JSON-valued attributes (policies naming
 * other queues). `where` names the deployer for the error about an unknown input.
 */
export function queueAttributes(
  resourceName: string,
  inputs: Record<string, unknown>,
  json: (text: string) => string,
  where: string,
): { attributes: Record<string, string>; tags?: Record<string, string> } {
  const attributes: Record<string, string> = {};
  let tags: Record<string, string> | undefined;
  for (const [key, value] of Object.entries(inputs)) {
    if (value === undefined || key === "name" || key === "namePrefix") continue;
    if (key === "tags") {
      tags = value as Record<string, string>;
      continue;
    }
    const attribute = QUEUE_ATTRIBUTES[key];
    if (!attribute) throw new Error(`${resourceName}: the local deployer does not know the Queue input "${key}"; teach it (${where})`);
    attributes[attribute] = typeof value === "string" && value.startsWith("{") ? json(value) : String(value);
  }
  return { attributes, tags };
}
