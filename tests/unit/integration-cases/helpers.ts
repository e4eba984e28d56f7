/**
 * Shapes and helpers for the integration-table cases: one realistic Task per optimized
 * integration, with the statements it must produce written out literally.
 */
import type { IntegrationPattern, PolicyStatement } from "../../../provider/src/model/types";

export const REGION = "us-east-1";
export const ACCOUNT = "123456789012";
export const STATE = "Call service";

export const ALL_PATTERNS: readonly IntegrationPattern[] = ["request-response", "sync", "sync:2", "callback"];

export const SUFFIX: Readonly<Record<IntegrationPattern, string>> = {
  "request-response": "",
  sync: ".sync",
  "sync:2": ".sync:2",
  callback: ".waitForTaskToken",
};

export interface IntegrationCase {
  /** `service:action` as written in `arn:aws:states:::SERVICE:ACTION`. */
  integration: string;
  /** Task Parameters, every identifying value literal. */
  args: Record<string, unknown>;
  /** Parameters for `.waitForTaskToken` (default: `args` plus `"TaskToken.$": "$$.Task.Token"`). */
  callbackArgs?: Record<string, unknown>;
  /** The patterns AWS supports for this action in a STANDARD workflow. */
  patterns: readonly IntegrationPattern[];
  /** The exact statements for request-response and callback. */
  statements: readonly PolicyStatement[];
  /** Rule ids of the warnings the case gives (default none). */
  warnings?: readonly string[];
  /** What `.sync` (and `.sync:2`) adds to `statements`. */
  syncAdds?: readonly PolicyStatement[];
}

export type Condition = Record<string, Record<string, string | string[]>>;

export function allow(actions: string[], resources: string[], condition?: Condition): PolicyStatement {
  return { Effect: "Allow", Action: actions, Resource: resources, ...(condition ? { Condition: condition } : {}) };
}

export function passRole(roles: string[], service: string): PolicyStatement {
  return allow(["iam:PassRole"], roles, { StringEquals: { "iam:PassedToService": service } });
}

/** iam:CreateServiceLinkedRole for the role a service creates on first use (test account). */
export function serviceLinkedRole(service: string, role: string): PolicyStatement {
  return allow(["iam:CreateServiceLinkedRole"], [`arn:aws:iam::123456789012:role/aws-service-role/${service}/${role}`], {
    StringLike: { "iam:AWSServiceName": service },
  });
}

/** The three events actions `.sync` needs on the rule Step Functions manages (full rule ARN given). */
export function managedRule(ruleArn: string): PolicyStatement {
  return allow(["events:DescribeRule", "events:PutRule", "events:PutTargets"], [ruleArn]);
}

export function callbackArgs(testCase: IntegrationCase): Record<string, unknown> {
  return testCase.callbackArgs ?? { ...testCase.args, "TaskToken.$": "$$.Task.Token" };
}

/** The statements a case expects for a pattern it supports. */
export function expectedStatements(testCase: IntegrationCase, pattern: IntegrationPattern): PolicyStatement[] {
  const sync = pattern === "sync" || pattern === "sync:2";
  return [...testCase.statements, ...(sync ? (testCase.syncAdds ?? []) : [])];
}

/** A one-Task STANDARD definition. */
export function taskDefinition(resource: string, parameters?: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    StartAt: STATE,
    States: {
      [STATE]: {
        Type: "Task",
        Resource: resource,
        ...(parameters === undefined ? {} : { Parameters: parameters }),
        HeartbeatSeconds: 60,
        TimeoutSeconds: 3600,
        End: true,
        ...extra,
      },
    },
  };
}

/** Order-insensitive form of a statement list: actions, resources and statements sorted. */
export function canonical(statements: readonly PolicyStatement[]): PolicyStatement[] {
  return statements
    .map((statement) => ({ ...statement, Action: [...statement.Action].sort(), Resource: [...statement.Resource].sort() }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
