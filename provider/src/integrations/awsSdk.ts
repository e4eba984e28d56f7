/**
 * AWS SDK integrations (`arn:aws:states:::aws-sdk:SERVICE:ACTION`): request-response and
 * callback, never `.sync`. The IAM action is the service's IAM prefix and the PascalCase action;
 * resources are scoped for the services whose identifying argument we know.
 */
import { arn, lambdaFunctionArns, nameOrArn, queueArnFromUrl } from "./arns";
import type { IamContext, IntegrationEntry, StatementSpec } from "./spec";

/** SDK service names whose IAM prefix differs. */
const IAM_PREFIX: Record<string, string> = {
  sfn: "states",
  elasticloadbalancingv2: "elasticloadbalancing",
  cloudwatchlogs: "logs",
  cloudwatchevents: "events",
  eventbridge: "events",
  emrcontainers: "emr-containers",
  emrserverless: "emr-serverless",
  sesv2: "ses",
  apigatewayv2: "apigateway",
  apigatewaymanagementapi: "execute-api",
  lexruntimev2: "lex",
  iotdata: "iot",
  mediastoredata: "mediastore",
  dynamodbstreams: "dynamodb",
  efs: "elasticfilesystem",
  emr: "elasticmapreduce",
  opensearch: "es",
  stepfunctions: "states",
};

/** SDK calls authorised by a differently named IAM action. */
const IAM_ACTIONS: Record<string, string[]> = {
  "s3:listObjectsV2": ["s3:ListBucket"],
  "s3:listObjects": ["s3:ListBucket"],
  "s3:listObjectVersions": ["s3:ListBucketVersions"],
  "s3:headObject": ["s3:GetObject"],
  "s3:headBucket": ["s3:ListBucket"],
  "s3:copyObject": ["s3:GetObject", "s3:PutObject"],
  "s3:deleteObjects": ["s3:DeleteObject"],
  "s3:getBucketLocation": ["s3:GetBucketLocation"],
  "lambda:invoke": ["lambda:InvokeFunction"],
  "lambda:invokeAsync": ["lambda:InvokeAsync"],
  "dynamodb:transactWriteItems": ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"],
  "dynamodb:transactGetItems": ["dynamodb:GetItem"],
};

export function iamActionsFor(service: string, action: string): string[] {
  const prefix = IAM_PREFIX[service] ?? service;
  return IAM_ACTIONS[`${prefix}:${action}`] ?? [`${prefix}:${action.charAt(0).toUpperCase()}${action.slice(1)}`];
}

/** How to scope the resource for services whose identifying argument is well known. */
const SCOPES: Record<string, (c: IamContext, action: string) => string[] | undefined> = {
  sqs: (c) => (c.args.value("QueueUrl").kind === "absent" ? undefined : c.scope("QueueUrl", (v) => queueArnFromUrl(c, "QueueUrl", v))),
  sns: (c) => (c.args.value("TopicArn").kind === "absent" ? undefined : c.scope("TopicArn", (v) => [v])),
  dynamodb: (c) => {
    if (c.args.value("TableName").kind === "absent") return undefined;
    return c.scope("TableName", (v) => {
      const table = nameOrArn(v, (name) => arn(c, "dynamodb", `table/${name}`));
      return [table, `${table}/index/*`];
    });
  },
  lambda: (c) => (c.args.value("FunctionName").kind === "absent" ? undefined : c.scope("FunctionName", (v) => lambdaFunctionArns(c, v))),
  s3: (c, action) => {
    if (c.args.value("Bucket").kind === "absent") return undefined;
    const bucketLevel = /^(list|headBucket|getBucket|putBucket|deleteBucket)/.test(action);
    return c.scope("Bucket", (bucket) => {
      if (bucketLevel) return [`arn:${c.partition}:s3:::${bucket}`];
      const key = c.args.value("Key");
      return [`arn:${c.partition}:s3:::${bucket}/${key.kind === "literal" ? key.value : "*"}`];
    });
  },
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
};

export function awsSdkEntry(service: string, action: string): IntegrationEntry {
  return {
    patterns: ["request-response", "callback"],
    iam: (c): StatementSpec[] => {
      const actions = iamActionsFor(service, action);
      const scoped = SCOPES[service]?.(c, action);
      if (scoped) return [{ actions, resources: scoped }];
      c.warn(
        "sdk-resource-wildcard",
        `aws-sdk:${service}:${action}: the resource cannot be derived from the arguments, so ${actions.join(", ")} is granted on "*"; pass roleArn or add narrower policyStatements and accept this warning knowingly`,
      );
      return [{ actions, resources: ["*"] }];
    },
  };
}
