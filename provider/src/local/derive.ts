/**
 * What the components derive, without AWS: they run under Pulumi mocks that answer with the names,
 * ARNs and URLs LocalStack will give the same resources (its account and region, the physical name
 * without a random suffix), so a definition, a template or a policy that embeds one needs no
 * rewriting. Only ids LocalStack makes up itself (API Gateway resources, deployments) are mapped
 * when deploying (deploy.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { awsIdentifiers } from "./identifiers";
import { LOCALSTACK_ACCOUNT as ACCOUNT, LOCALSTACK_REGION as REGION } from "./localstack";

export interface Derived {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** The id and state the mocks answered: what later inputs refer to. */
  id: string;
  state: Record<string, unknown>;
  /** False for component resources. */
  custom: boolean;
}

/** Physical names: what the component asked for, a prefix completed with "local", else the Pulumi name. */
const physicalName = (name: string, inputs: Record<string, unknown>) =>
  String(inputs.name ?? (inputs.namePrefix === undefined ? name : `${String(inputs.namePrefix)}local`));

/** `endpoint`: LocalStack's, for the stage's invoke URL. */
export function localState(type: string, name: string, inputs: Record<string, unknown>, endpoint: string): Record<string, unknown> {
  const physical = physicalName(name, inputs);
  switch (type) {
    // The REST API is created with this id (LocalStack's `_custom_id_` tag), so its execution ARN holds.
    case "aws:apigateway/restApi:RestApi":
      return {
        ...inputs,
        name: physical,
        rootResourceId: `${name}-root`,
        executionArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${restApiId(name)}`,
      };
    case "aws:apigateway/stage:Stage":
      return { ...inputs, invokeUrl: `${endpoint}/restapis/${inputs.restApi}/${inputs.stageName}/_user_request_` };
    // Queue URLs as AWS gives them, since the analysis checks their shape; the deployer maps them to LocalStack's.
    default:
      return { ...inputs, name: physical, ...awsIdentifiers(type, physical, REGION, ACCOUNT) };
  }
}

/** API Gateway ids are 10 lower-case letters and digits. */
export function restApiId(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return (id + "0000000000").slice(0, 10);
}

/** Ids as the AWS provider has them where they are names, URLs or ARNs; made-up ones are mapped on deployment. */
function mockId(type: string, name: string, state: Record<string, unknown>): string {
  switch (type) {
    case "aws:apigateway/restApi:RestApi":
      return restApiId(name);
    case "aws:iam/role:Role":
    case "aws:cloudwatch/logGroup:LogGroup":
      return String(state.name);
    case "aws:sqs/queue:Queue":
      return String(state.url);
    case "aws:sfn/stateMachine:StateMachine":
    case "aws:iam/policy:Policy":
      return String(state.arn);
    default:
      return `${name}-id`;
  }
}

let recording: Derived[] | undefined;
let engineEndpoint = "";

/** Pulumi's mocks for this process; the first call wins (Pulumi allows one set of mocks per process). */
function installMocks(): void {
  if (recording) return;
  recording = [];
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        const state = localState(args.type, args.name, args.inputs, engineEndpoint);
        const id = mockId(args.type, args.name, state);
        recording?.push({ type: args.type, name: args.name, inputs: args.inputs, id, state, custom: args.custom ?? true });
        return { id, state };
      },
      call(args) {
        switch (args.token) {
          case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
          case "aws:index/getRegion:getRegion":
            return { region: REGION, name: REGION, id: REGION };
          case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/local`, userId: "local", id: ACCOUNT };
          default:
            return args.inputs;
        }
      },
    },
    "sfn-workflows-local",
    "local",
    false,
  );
}

const settle = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

/**
 * Runs `create` (which registers components) under the mocks and answers what it registered, once
 * every output it returns has settled. `endpoint` is the LocalStack the resources are meant for.
 */
export async function derive(endpoint: string, create: () => pulumi.Output<unknown>[] | void): Promise<Derived[]> {
  installMocks();
  engineEndpoint = endpoint;
  const start = recording!.length;
  const outputs = create();
  if (outputs) await Promise.all(outputs.map(settle));
  // Children registered inside applies land a moment later.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return recording!.slice(start);
}

export { settle };
