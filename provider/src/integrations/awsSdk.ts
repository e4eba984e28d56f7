/**
 * AWS SDK integrations (`arn:aws:states:::aws-sdk:SERVICE:ACTION`): request-response and
 * callback, never `.sync`. The IAM action is the service's IAM prefix and the PascalCase action;
 * resources are scoped for the services whose identifying argument we know.
 */
import { arn, lambdaFunctionArns, nameOrArn, queueArnFromUrl } from "./arns";
import { SDK_SERVICE_PREFIXES, SDK_SERVICES_UNKNOWN_TO_IAM, SDK_SERVICES_WITHOUT_IAM } from "./sdkServicePrefixes";
import { dynamodbStatements } from "./sdkDynamodb";
import { sdkCallImplied, sdkImplied } from "./sdkImplied";
import { sdkTemplateResources } from "./sdkResources";
import type { IamContext, IntegrationEntry, StatementSpec } from "./spec";

/** SDK calls authorised by a differently named IAM action (keyed by IAM prefix and SDK action). */
export const IAM_ACTIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    "s3:listObjectsV2": ["s3:ListBucket"],
    "s3:listObjects": ["s3:ListBucket"],
    "s3:listObjectVersions": ["s3:ListBucketVersions"],
    "s3:listBuckets": ["s3:ListAllMyBuckets"],
    "s3:listParts": ["s3:ListMultipartUploadParts"],
    "s3:listMultipartUploads": ["s3:ListBucketMultipartUploads"],
    "s3:headObject": ["s3:GetObject"],
    "s3:headBucket": ["s3:ListBucket"],
    "s3:copyObject": ["s3:GetObject", "s3:PutObject"],
    "s3:uploadPartCopy": ["s3:GetObject", "s3:PutObject"],
    "s3:createMultipartUpload": ["s3:PutObject"],
    "s3:uploadPart": ["s3:PutObject"],
    "s3:completeMultipartUpload": ["s3:PutObject"],
    "s3:deleteObjects": ["s3:DeleteObject"],
    "s3:getBucketLocation": ["s3:GetBucketLocation"],
    // Batch calls are authorised by the single-message action.
    "sqs:sendMessageBatch": ["sqs:SendMessage"],
    "sqs:deleteMessageBatch": ["sqs:DeleteMessage"],
    "sqs:changeMessageVisibilityBatch": ["sqs:ChangeMessageVisibility"],
    "sns:publishBatch": ["sns:Publish"],
    // WebSocket connection management is one IAM action.
    "execute-api:postToConnection": ["execute-api:ManageConnections"],
    "execute-api:getConnection": ["execute-api:ManageConnections"],
    "execute-api:deleteConnection": ["execute-api:ManageConnections"],
    // The Converse API is authorised by the InvokeModel actions.
    "bedrock:converse": ["bedrock:InvokeModel"],
    "bedrock:converseStream": ["bedrock:InvokeModelWithResponseStream"],
    "lambda:invoke": ["lambda:InvokeFunction"],
    "lambda:invokeWithResponseStream": ["lambda:InvokeFunction"],
    "lambda:invokeAsync": ["lambda:InvokeAsync"],
    "dynamodb:transactWriteItems": ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"],
    "dynamodb:transactGetItems": ["dynamodb:GetItem"],
  }),
);

/**
 * API Gateway's management APIs (v1 and v2) are authorised by HTTP verb (`apigateway:GET`, ...),
 * not by operation name. Imports are POST or PUT depending on the operation: both are granted.
 */
function apiGatewayVerbs(action: string): string[] {
  if (/^(get|list)[A-Z]/.test(action)) return ["apigateway:GET"];
  if (/^update[A-Z]/.test(action)) return ["apigateway:PATCH"];
  if (/^(delete|untag|flush)[A-Z]/.test(action)) return ["apigateway:DELETE"];
  if (/^(put|tag|reimport)[A-Z]/.test(action)) return ["apigateway:PUT"];
  if (/^import[A-Z]/.test(action)) return ["apigateway:POST", "apigateway:PUT"];
  return ["apigateway:POST"];
}

/** The IAM prefix of an SDK service (`mwaa` -> `airflow`), or undefined when the map has none. */
export function iamPrefixFor(service: string): string | undefined {
  return SDK_SERVICE_PREFIXES.get(service);
}

/** The IAM actions that authorise an SDK call, given the service's IAM prefix. */
export function iamActionsFor(prefix: string, action: string): string[] {
  if (prefix === "apigateway") return apiGatewayVerbs(action);
  const mapped = IAM_ACTIONS.get(`${prefix}:${action}`);
  return mapped ? [...mapped] : [`${prefix}:${action.charAt(0).toUpperCase()}${action.slice(1)}`];
}

/** S3 actions on objects (`arn:aws:s3:::BUCKET/KEY`); every other S3 action is on the bucket. */
const S3_OBJECT_ACTION = /^s3:(GetObject|PutObject|DeleteObject|RestoreObject|AbortMultipartUpload|ListMultipartUploadParts)/;

function s3Resources(c: IamContext, actions: readonly string[]): string[] | undefined {
  if (c.args.value("Bucket").kind === "absent") return undefined;
  const objectLevel = actions.every((action) => S3_OBJECT_ACTION.test(action));
  return c.scope("Bucket", (bucket) => {
    if (!objectLevel) return [`arn:${c.partition}:s3:::${bucket}`];
    const key = c.args.value("Key");
    return [`arn:${c.partition}:s3:::${bucket}/${key.kind === "literal" ? key.value : "*"}`];
  });
}

/** The object a CopySource names: `bucket/key` (URL-encoded, optionally `?versionId=...`) or an access point ARN. */
function copySourceArn(c: IamContext, source: string): string {
  const path = source.replace(/\?.*$/, "");
  if (path.startsWith("arn:")) return path;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not URL-encoded after all: use it as written.
  }
  return `arn:${c.partition}:s3:::${decoded.replace(/^\//, "")}`;
}

/** copyObject and uploadPartCopy read the source object and write the destination object. */
function s3CopyStatements(c: IamContext): StatementSpec[] | undefined {
  const target = s3Resources(c, ["s3:PutObject"]);
  if (!target) return undefined;
  return [
    { actions: ["s3:GetObject"], resources: c.scope("CopySource", (v) => [copySourceArn(c, v)]) },
    { actions: ["s3:PutObject"], resources: target },
  ];
}

type Scope = (c: IamContext, actions: readonly string[]) => string[] | undefined;

/** How to scope the resource for services whose identifying argument is well known, by SDK service name. */
const SCOPES: ReadonlyMap<string, Scope> = new Map(
  Object.entries<Scope>({
    sqs: (c) => (c.args.value("QueueUrl").kind === "absent" ? undefined : c.scope("QueueUrl", (v) => queueArnFromUrl(c, "QueueUrl", v))),
    sns: (c) => (c.args.value("TopicArn").kind === "absent" ? undefined : c.scope("TopicArn", (v) => [v])),
    lambda: (c) => (c.args.value("FunctionName").kind === "absent" ? undefined : c.scope("FunctionName", (v) => lambdaFunctionArns(c, v))),
    s3: s3Resources,
    sfn: (c) => {
      for (const path of ["StateMachineArn", "ExecutionArn"]) {
        if (c.args.value(path).kind !== "absent") return c.scope(path, (v) => [v]);
      }
      return undefined;
    },
    secretsmanager: (c) =>
      c.args.value("SecretId").kind === "absent"
        ? undefined
        : c.scope("SecretId", (v) => [nameOrArn(v, (name) => arn(c, "secretsmanager", `secret:${name}-??????`))]),
  }),
);

type WildcardOnly = typeof import("./iamWildcardOnlyActions");
let wildcardOnly: WildcardOnly | undefined;

/** Whether IAM grants the action only on "*". Loaded on first use: most processes never need its 150 KB. */
export function isWildcardOnly(action: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  wildcardOnly ??= require("./iamWildcardOnlyActions") as WildcardOnly;
  const [prefix, name] = action.split(":");
  return wildcardOnly.WILDCARD_ONLY_ACTIONS.get(prefix)?.includes(` ${name.toLowerCase()} `) ?? false;
}

function unknownService(c: IamContext, service: string, action: string): void {
  const why = SDK_SERVICES_UNKNOWN_TO_IAM.has(service)
    ? `AWS's IAM reference lists no service for the SDK's "${service}"`
    : `"${service}" is not a service of the AWS SDK (its name in aws-sdk:NAME is the SDK's, in lower case: aws-sdk:redshiftdata, aws-sdk:sfn)`;
  c.warn(
    "sdk-unknown-service",
    `aws-sdk:${service}:${action}: ${why}, so no permission is derived for the call; check the service name, or declare the call in customIntegrations with the statements it needs`,
  );
}

const SDK_PATTERNS: IntegrationEntry["patterns"] = ["request-response", "callback"];

/**
 * The entry for an SDK call. A call that an optimized integration also makes (same IAM prefix and
 * action, same parameters: `aws-sdk:athena:startQueryExecution`, `aws-sdk:sfn:startExecution`,
 * ...) needs what that entry grants, so it is used: one place per service's permissions.
 */
export function awsSdkEntry(
  service: string,
  action: string,
  optimized?: (prefix: string) => IntegrationEntry | undefined,
): IntegrationEntry {
  const prefix = iamPrefixFor(service);
  const same = prefix === undefined ? undefined : optimized?.(prefix);
  if (same && prefix !== undefined) {
    return { patterns: SDK_PATTERNS, iam: same.iam, implies: [...(same.implies ?? []), ...sdkCallImplied(prefix, action)] };
  }
  return {
    patterns: SDK_PATTERNS,
    implies: prefix === undefined || SDK_SERVICES_WITHOUT_IAM.has(service) ? [] : sdkImplied(prefix, action),
    iam: (c): StatementSpec[] => {
      if (SDK_SERVICES_WITHOUT_IAM.has(service)) return [];
      if (prefix === undefined) {
        unknownService(c, service, action);
        return [];
      }
      const actions = iamActionsFor(prefix, action);
      const copy = service === "s3" && (action === "copyObject" || action === "uploadPartCopy") ? s3CopyStatements(c) : undefined;
      if (copy) return copy;
      const dynamodb = prefix === "dynamodb" ? dynamodbStatements(c, action, actions) : undefined;
      if (dynamodb) return dynamodb;
      const scoped = SCOPES.get(service)?.(c, actions) ?? sdkTemplateResources(c, prefix, action);
      if (scoped) return [{ actions, resources: scoped }];
      // Nothing narrower than "*" exists for an action IAM grants only on "*": no warning to act on.
      if (!actions.every(isWildcardOnly)) {
        c.warn(
          "sdk-resource-wildcard",
          `aws-sdk:${service}:${action}: the resource cannot be derived from the arguments, so ${actions.join(", ")} is granted on "*"; pass roleArn or add narrower policyStatements and accept this warning knowingly`,
        );
      }
      return [{ actions, resources: ["*"] }];
    },
  };
}
