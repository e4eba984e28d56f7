/**
 * Pulumi's unit-testing guide has mocks answer a new resource with its id and its inputs as its
 * state, and an invoke with whatever the test chooses (its example: the invoke's inputs, here `{}`).
 * Real AWS outputs (ARNs, URLs, generated names) are then absent. The components must still build
 * the same resources, settle every output and never put "undefined", "null" or "[object Object]"
 * into a name, an ARN, a URL or a policy; what they derive from ids and the documented invoke
 * results (API Gateway's execution ARN and invoke URL) is there whenever those invokes are answered.
 */
import { strict as assert } from "node:assert";
import * as dynamodb from "@pulumi/aws/dynamodb";
import * as iam from "@pulumi/aws/iam";
import * as kms from "@pulumi/aws/kms";
import * as sfn from "@pulumi/aws/sfn";
import * as pulumi from "@pulumi/pulumi";
import { CallbackQueue, SyncEndpoint, Workflow } from "../../provider/src";
import { localState, restApiId } from "../../provider/src/local/derive";
import { LOCALSTACK_ACCOUNT, LOCALSTACK_REGION } from "../../provider/src/local/localstack";
import { approvalDefinition, quoteDefinition, SNS_TOPIC } from "../support/definitions";
import { captureWarnings } from "../support/logs";
import { ACCOUNT, fakeCall, fakeId, fakeState, REGION } from "../support/mockAws";
import { installMocks } from "../support/mocks";

const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const MACHINE = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:quote`;
const POOL = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${REGION}_abc`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/own-execution-role`;

/** Exactly the fields @pulumi/aws documents for the three invokes the components make. */
const DOCUMENTED_INVOKES: Record<string, Record<string, string>> = {
  "aws:index/getPartition:getPartition": { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" },
  "aws:index/getRegion:getRegion": {
    id: REGION,
    region: REGION,
    name: REGION,
    endpoint: `ec2.${REGION}.amazonaws.com`,
    description: "US East (N. Virginia)",
  },
  "aws:index/getCallerIdentity:getCallerIdentity": {
    id: ACCOUNT,
    accountId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:user/test`,
    userId: "AIDAEXAMPLEUSER",
  },
};

interface MockStyle {
  title: string;
  preview: boolean;
  state: (type: string, name: string, inputs: Record<string, unknown>) => Record<string, unknown>;
  id: (name: string) => string;
  call: (token: string, inputs: Record<string, unknown>) => Record<string, unknown>;
}

/** The repository's own mocks, which invent AWS-like outputs: the reference graph. */
const FAKE_AWS: MockStyle = { title: "AWS-like", preview: false, state: fakeState, id: fakeId, call: (t, i) => fakeCall(t, i, "test") };
const minimal = (title: string, preview: boolean, call: MockStyle["call"]): MockStyle => ({
  title,
  preview,
  state: (_type, _name, inputs) => inputs,
  id: (name) => `${name}_id`,
  call,
});
const DOCUMENTED = minimal("id and inputs, the invokes' documented results", false, (token) => DOCUMENTED_INVOKES[token] ?? {});
const EMPTY = minimal("id and inputs, every invoke answering {}", false, () => ({}));
const EMPTY_PREVIEW = minimal("id and inputs, every invoke answering {}, at preview", true, () => ({}));

interface Seen {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

type Component = pulumi.ComponentResource;

/** Settles an output; rejects when it failed. `promise` is internal to @pulumi/pulumi but is what `apply` waits on. */
const settle = (output: pulumi.Output<unknown>) => (output as unknown as { promise(): Promise<unknown> }).promise();

const outputsOf = (resource: pulumi.Resource) =>
  Object.entries(resource).filter((entry): entry is [string, pulumi.Output<unknown>] => pulumi.Output.isInstance(entry[1]));

/** `root` and every resource below it; @pulumi/pulumi keeps each resource's children in `__childResources` (internal). */
function tree(root: pulumi.Resource): pulumi.Resource[] {
  const children = (root as unknown as { __childResources?: Set<pulumi.Resource> }).__childResources ?? new Set();
  return [root, ...[...children].flatMap(tree)];
}

/** Settles every output of every resource in the tree (children created inside applies join as they appear); the root's outputs. */
async function settleTree(root: Component): Promise<Record<string, unknown>> {
  const settled = new Set<pulumi.Resource>();
  const outputs: Record<string, unknown> = {};
  for (;;) {
    const fresh = tree(root).filter((resource) => !settled.has(resource));
    if (!fresh.length) return outputs;
    for (const resource of fresh) {
      settled.add(resource);
      for (const [key, output] of outputsOf(resource)) {
        const value = await settle(output);
        if (resource === root) outputs[key] = value;
      }
    }
  }
}

async function run(style: MockStyle, create: () => Component) {
  const seen: Seen[] = [];
  installMocks(
    {
      newResource: (args) => {
        seen.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: style.id(args.name), state: style.state(args.type, args.name, args.inputs) };
      },
      call: (args) => style.call(args.token, args.inputs),
    },
    style.preview,
  );
  // An apply that throws where nothing awaits it (a warning's, say) surfaces only as an unhandled rejection.
  const crashes: string[] = [];
  const crashed = (error: unknown) => crashes.push(String(error));
  process.on("unhandledRejection", crashed);
  try {
    const { result: outputs, warnings } = await captureWarnings(async () => {
      const settled = await settleTree(create());
      await new Promise((resolve) => setTimeout(resolve, 20));
      return settled;
    });
    return { seen, outputs, warnings: warnings.map((w) => w.message), crashes };
  } finally {
    process.off("unhandledRejection", crashed);
  }
}

/** What a value shows that no real deployment would: "undefined", "null/", "[object Object]", a missing array element. */
function oddities(value: unknown, path: string): string[] {
  if (typeof value === "string") {
    const found = ["undefined", "null/", "[object Object]"]
      .filter((bad) => value.includes(bad))
      .map((bad) => `${path} has "${bad}": ${value}`);
    if (/^\s*[[{]/.test(value)) {
      try {
        return [...found, ...oddities(JSON.parse(value), `${path} (JSON)`)];
      } catch {
        return found;
      }
    }
    return found;
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) =>
      item === undefined || item === null ? [`${path}[${i}] is ${item}`] : oddities(item, `${path}[${i}]`),
    );
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => oddities(item, `${path}.${key}`));
  return [];
}

const graph = (seen: Seen[]) => seen.map((r) => `${r.type} ${r.name}`).sort();
const input = (seen: Seen[], type: string, key: string) => seen.find((r) => r.type === type)?.inputs[key];
/** The aws:SourceArn a role's trust policy is bound to; undefined without a trust policy. */
const trustedSource = (seen: Seen[], role: string) => {
  const text = seen.find((r) => r.type === "aws:iam/role:Role" && r.name === role)?.inputs.assumeRolePolicy;
  if (text === undefined) return undefined;
  const condition = JSON.parse(text as string).Statement[0].Condition;
  return (condition.ArnLike ?? condition.ArnLikeIfExists)["aws:SourceArn"];
};

interface Scenario {
  title: string;
  create: () => Component;
  /** Values derived from ids and the invokes' results: as expected when the invokes are answered, absent when they are not. */
  derived?: (seen: Seen[], outputs: Record<string, unknown>) => unknown[];
  expected?: unknown[];
}

const SCENARIOS: Scenario[] = [
  {
    title: "Workflow with callbacks, customer managed keys, alarm actions, logging, tracing, extra statements and a canary deployment",
    create: () =>
      new Workflow("orders", {
        definition: approvalDefinition(),
        callbacks: { reviewers: { kmsKeyArn: KEY, maxReceiveCount: 3, alarms: { oldestMessageAgeSeconds: 600 } } },
        alarms: { actions: [SNS_TOPIC], okActions: [SNS_TOPIC] },
        logging: { level: "ALL", includeExecutionData: true, kmsKeyArn: KEY },
        tracing: true,
        policyStatements: [{ Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::orders-bucket/*"] }],
        deployment: { type: "CANARY", percentage: 10, intervalMinutes: 5 },
        tags: { team: "payments" },
      }),
    derived: (seen) => [trustedSource(seen, "orders-role")],
    expected: [`arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:orders-*`],
  },
  {
    title: "Workflow with its own role, a fixed name and an activity task",
    create: () =>
      new Workflow("own-role", {
        roleArn: ROLE,
        stateMachineName: "own-role-machine",
        definition: {
          StartAt: "Work",
          States: {
            Work: { Type: "Task", Resource: `arn:aws:states:${REGION}:${ACCOUNT}:activity:work`, HeartbeatSeconds: 60, End: true },
          },
        },
      }),
  },
  {
    title: "Workflow splitting its execution policy into managed policies",
    create: () => {
      const states: Record<string, unknown> = {};
      for (let i = 0; i < 150; i++)
        states[`Call ${i}`] = {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Parameters: { FunctionName: `function-number-${i}` },
          ...(i < 149 ? { Next: `Call ${i + 1}` } : { End: true }),
        };
      return new Workflow("big", { definition: { StartAt: "Call 0", States: states } });
    },
  },
  {
    title: "EXPRESS Workflow with a REST sync endpoint (API key, CORS, throttling, encrypted access logs, tracing)",
    create: () =>
      new Workflow("quote", {
        workflowType: "EXPRESS",
        definition: quoteDefinition(),
        definitionSubstitutions: { QuotesTable: "quotes" },
        syncEndpoint: {
          path: "/quotes/{sku}",
          authorization: "API_KEY",
          cors: { allowOrigins: ["https://shop.example.com"] },
          throttle: { rateLimit: 10, burstLimit: 20 },
          accessLogs: { retentionInDays: 7, kmsKeyArn: KEY },
          tracing: true,
          errorStatusCodes: { NotFound: 404 },
        },
      }),
    derived: (seen, outputs) => [outputs.endpointUrl, trustedSource(seen, "quote-endpoint-role")],
    expected: [
      `https://quote-endpoint_id.execute-api.${REGION}.amazonaws.com/api/quotes/{sku}`,
      `arn:aws:execute-api:${REGION}:${ACCOUNT}:quote-endpoint_id/*`,
    ],
  },
  {
    title: "EXPRESS Workflow with an HTTP sync endpoint behind a JWT authorizer and an all-at-once deployment",
    create: () =>
      new Workflow("quote-http", {
        workflowType: "EXPRESS",
        definition: quoteDefinition(),
        definitionSubstitutions: { QuotesTable: "quotes" },
        deployment: { type: "ALL_AT_ONCE", alarms: ["pager"] },
        syncEndpoint: {
          apiType: "HTTP",
          authorization: "JWT",
          jwt: { issuer: "https://issuer.example.com", audience: ["client-1"] },
          authorizationScopes: ["quotes/write"],
          stageName: "v1",
          accessLogs: { retentionInDays: 7 },
        },
      }),
    derived: (_seen, outputs) => [outputs.endpointUrl],
    expected: [`https://quote-http-endpoint_id.execute-api.${REGION}.amazonaws.com/v1/`],
  },
  {
    title: "REST SyncEndpoint behind a Cognito authorizer",
    create: () =>
      new SyncEndpoint("cognito", {
        stateMachineArn: MACHINE,
        authorization: "COGNITO",
        cognitoUserPoolArns: [POOL],
        authorizationScopes: ["quotes/write"],
        request: { authorizerClaims: ["sub"], context: ["requestId", "sourceIp"], headers: ["x-client"] },
      }),
    derived: (seen) => [trustedSource(seen, "cognito-role"), input(seen, "aws:apigateway/integration:Integration", "uri")],
    expected: [`arn:aws:execute-api:${REGION}:${ACCOUNT}:cognito_id/*`, `arn:aws:apigateway:${REGION}:states:action/StartSyncExecution`],
  },
  {
    title: "HTTP SyncEndpoint on its $default stage, open to all, with CORS and throttling",
    create: () =>
      new SyncEndpoint("open-http", {
        stateMachineArn: MACHINE,
        apiType: "HTTP",
        authorization: "NONE",
        path: "/",
        stageName: "$default",
        cors: { allowOrigins: ["*"] },
        throttle: { rateLimit: 5, burstLimit: 10 },
      }),
    derived: (seen, outputs) => [outputs.url, trustedSource(seen, "open-http-role")],
    expected: [`https://open-http_id.execute-api.${REGION}.amazonaws.com/`, `arn:aws:execute-api:${REGION}:${ACCOUNT}:open-http_id/*`],
  },
  {
    title: "EXPRESS Workflow wired to the program's own table, role and key (outputs the mocks leave out)",
    create: () => {
      const table = new dynamodb.Table("quotes", {
        attributes: [{ name: "id", type: "S" }],
        hashKey: "id",
        billingMode: "PAY_PER_REQUEST",
      });
      const key = new kms.Key("logs-key", {});
      const role = new iam.Role("own", { assumeRolePolicy: "{}" });
      return new Workflow("wired", {
        workflowType: "EXPRESS",
        definition: quoteDefinition(),
        definitionSubstitutions: { QuotesTable: table.name },
        roleArn: role.arn,
        logging: { kmsKeyArn: key.arn },
        syncEndpoint: { path: "/quotes" },
      });
    },
  },
  {
    title: "SyncEndpoint in front of the program's own state machine",
    create: () => {
      const machine = new sfn.StateMachine("own", { roleArn: ROLE, type: "EXPRESS", definition: JSON.stringify(quoteDefinition()) });
      return new SyncEndpoint("own-endpoint", { stateMachineArn: machine.arn, accessLogs: true });
    },
  },
  {
    title: "CallbackQueue with the program's own sender role and key, and alarm actions",
    create: () =>
      new CallbackQueue("approvals", {
        senderRoleArns: [new iam.Role("sender", { assumeRolePolicy: "{}" }).arn, ROLE],
        kmsKeyArn: new kms.Key("queue-key", {}).arn,
        heartbeatSeconds: 120,
        alarms: { actions: [SNS_TOPIC] },
      }),
  },
];

describe("Components under Pulumi's minimal mocks (a resource's id and inputs, nothing else)", () => {
  after(() => installMocks());

  for (const scenario of SCENARIOS) {
    describe(scenario.title, () => {
      let reference: Seen[];
      before(async () => {
        reference = (await run(FAKE_AWS, scenario.create)).seen;
      });

      for (const style of [DOCUMENTED, EMPTY, EMPTY_PREVIEW]) {
        it(`${style.title}: the same resources, every output settled, nothing thrown, no invented values`, async () => {
          const { seen, outputs, warnings, crashes } = await run(style, scenario.create);
          assert.deepEqual(crashes, []);
          assert.deepEqual(graph(seen), graph(reference));
          assert.deepEqual(
            [
              ...oddities(outputs, "outputs"),
              ...seen.flatMap((r) => oddities(r.inputs, `${r.type} ${r.name}`)),
              ...oddities(warnings, "warnings"),
            ],
            [],
          );
          if (scenario.derived && !style.preview) {
            const derived = scenario.derived(seen, outputs);
            assert.deepEqual(derived, style === DOCUMENTED ? scenario.expected : derived.map(() => undefined));
          }
        });
      }
    });
  }

  it("the provider's own invoke URL and execution ARN win where it gives them (the local engine's LocalStack addresses)", async () => {
    const local: MockStyle = {
      ...DOCUMENTED,
      title: "the local engine's",
      state: (type, name, inputs) => localState(type, name, inputs, "http://127.0.0.1:4566"),
    };
    const { seen, outputs } = await run(local, () => new SyncEndpoint("local", { stateMachineArn: MACHINE, path: "/quotes" }));
    assert.equal(outputs.url, "http://127.0.0.1:4566/restapis/local_id/api/_user_request_/quotes");
    assert.equal(
      trustedSource(seen, "local-role"),
      `arn:aws:execute-api:${LOCALSTACK_REGION}:${LOCALSTACK_ACCOUNT}:${restApiId("local")}/*`,
    );
  });
});
