/**
 * Pulumi mocks standing in for AWS: ids, ARNs and URLs shaped like the real ones, and a record of
 * every resource registered, so tests assert on the exact graph the components build.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** The parent's URN is not given to mocks; components are recorded with their own type. */
  custom: boolean;
}

export const registered: Registered[] = [];

/** A stable stand-in for a state machine revision ID: a hash of what makes a revision. */
function revisionOf(inputs: Record<string, unknown>): string {
  return createHash("sha256")
    .update(JSON.stringify([inputs.definition, inputs.roleArn, inputs.loggingConfiguration, inputs.tracingConfiguration]))
    .digest("hex")
    .slice(0, 32);
}

function state(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const physical = (inputs.name as string | undefined) ?? (inputs.namePrefix ? `${inputs.namePrefix}abc123` : `${name}-abc123`);
  switch (type) {
    case "aws:sqs/queue:Queue":
      return {
        ...inputs,
        name: physical,
        arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${physical}`,
        url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${physical}`,
      };
    case "aws:sfn/stateMachine:StateMachine":
      // Step Functions gives every definition or configuration change a new revision ID.
      return {
        ...inputs,
        name: physical,
        arn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${physical}`,
        revisionId: revisionOf(inputs),
      };
    case "aws-native:stepfunctions:StateMachineVersion":
      return { ...inputs, arn: `${inputs.stateMachineArn}:1` };
    case "aws-native:stepfunctions:StateMachineAlias":
      return {
        ...inputs,
        arn: `${String(inputs.deploymentPreference && (inputs.deploymentPreference as { stateMachineVersionArn: string }).stateMachineVersionArn).replace(/:\d+$/, "")}:${inputs.name}`,
      };
    case "aws:iam/role:Role":
      return { ...inputs, name: physical, arn: `arn:aws:iam::${ACCOUNT}:role/${physical}` };
    case "aws:iam/policy:Policy":
      return { ...inputs, name: physical, arn: `arn:aws:iam::${ACCOUNT}:policy/${physical}` };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { ...inputs, name: physical, arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${physical}` };
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
      return { ...inputs, name: physical, arn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${physical}` };
    case "aws:sns/topic:Topic":
      return { ...inputs, name: physical, arn: `arn:aws:sns:${REGION}:${ACCOUNT}:${physical}` };
    case "aws:dynamodb/table:Table":
      return { ...inputs, name: physical, arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${physical}` };
    // API Gateway: ids are `${name}-id` (see newResource); invoke URLs as the real stages build them.
    case "aws:apigateway/restApi:RestApi":
    case "aws:apigatewayv2/api:Api":
      return {
        ...inputs,
        name: physical,
        rootResourceId: `${name}-root`,
        executionArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${name}-id`,
        apiEndpoint: `https://${name}-id.execute-api.${REGION}.amazonaws.com`,
      };
    case "aws:apigateway/stage:Stage":
      return { ...inputs, invokeUrl: `https://${inputs.restApi}.execute-api.${REGION}.amazonaws.com/${inputs.stageName}` };
    case "aws:apigatewayv2/stage:Stage":
      return {
        ...inputs,
        invokeUrl: `https://${inputs.apiId}.execute-api.${REGION}.amazonaws.com/${inputs.name === "$default" ? "" : inputs.name}`,
      };
    default:
      return { ...inputs, name: physical };
  }
}

pulumi.runtime.setMocks(
  {
    newResource(args) {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs, custom: args.custom ?? true });
      return { id: `${args.name}-id`, state: state(args.type, args.name, args.inputs) };
    },
    call(args) {
      switch (args.token) {
        case "aws:index/getPartition:getPartition":
          return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
        case "aws:index/getRegion:getRegion":
          return { region: REGION, name: REGION, id: REGION };
        case "aws:index/getCallerIdentity:getCallerIdentity":
          return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/test`, userId: "test", id: ACCOUNT };
        default:
          return args.inputs;
      }
    },
  },
  "sfn-workflows-test",
  "test",
  false,
);

/** The value of an output (mocks run as an update, so every value is known). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Whether an output is marked secret. */
export function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
  return pulumi.isSecret(output);
}

/** Resources registered while `create` runs and their outputs settle, in registration order. */
export async function capture(create: () => pulumi.Output<unknown> | pulumi.Output<unknown>[] | void): Promise<Registered[]> {
  const start = registered.length;
  const outputs = create();
  if (outputs) await Promise.all((Array.isArray(outputs) ? outputs : [outputs]).map(valueOf));
  // Let children registered inside applies land.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return registered.slice(start);
}

export function ofType(resources: Registered[], type: string): Registered[] {
  return resources.filter((r) => r.type === type);
}

export function one(resources: Registered[], type: string, name?: string): Registered {
  const found = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
  if (found.length !== 1)
    throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`);
  return found[0];
}

export async function json(value: unknown): Promise<unknown> {
  return JSON.parse(typeof value === "string" ? value : String(await value));
}
