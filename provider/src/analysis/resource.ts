/** Classifies a Task's `Resource` ARN: which integration, which pattern. */
import type { IntegrationKind, IntegrationPattern } from "../model/types";

export interface ClassifiedResource {
  kind: IntegrationKind;
  service: string;
  action: string;
  pattern: IntegrationPattern;
  /** Partition written in the ARN (`aws`, `aws-cn`, `aws-us-gov`). */
  partition: string;
}

const SUFFIXES: Record<string, IntegrationPattern> = {
  "": "request-response",
  ".sync": "sync",
  ".sync:2": "sync:2",
  ".waitForTaskToken": "callback",
};

const SERVICE_ARN = /^arn:(aws[a-z-]*):states:::(aws-sdk:)?([a-z0-9-]+):([A-Za-z0-9]+)(\.sync:2|\.sync|\.waitForTaskToken)?$/;
const LAMBDA_ARN = /^arn:(aws[a-z-]*):lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]+)(:[A-Za-z0-9$_-]+)?$/;
const ACTIVITY_ARN = /^arn:(aws[a-z-]*):states:[a-z0-9-]+:\d{12}:activity:([A-Za-z0-9_-]+)$/;

/** Undefined when the Resource matches none of the forms Step Functions accepts. */
export function classifyResource(resource: string): ClassifiedResource | undefined {
  const service = SERVICE_ARN.exec(resource);
  if (service) {
    const [, partition, sdk, name, action, suffix = ""] = service;
    return { kind: sdk ? "aws-sdk" : "optimized", service: name, action, pattern: SUFFIXES[suffix], partition };
  }
  const lambda = LAMBDA_ARN.exec(resource);
  if (lambda) return { kind: "lambda-arn", service: "lambda", action: "invoke", pattern: "request-response", partition: lambda[1] };
  const activity = ACTIVITY_ARN.exec(resource);
  if (activity) return { kind: "activity", service: "states", action: "activity", pattern: "callback", partition: activity[1] };
  return undefined;
}

export const PATTERN_SUFFIX: Record<IntegrationPattern, string> = {
  "request-response": "",
  sync: ".sync",
  "sync:2": ".sync:2",
  callback: ".waitForTaskToken",
};
