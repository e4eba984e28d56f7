/**
 * The optimized integration table, entry by entry and pattern by pattern: supported patterns
 * yield exactly the expected statements, unsupported ones exactly one `unsupported-pattern` error.
 * The expected data lives in ./integration-cases (written out literally).
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import type { IntegrationPattern, PolicyStatement } from "../../provider/src/model/types";
import { lookupIntegration, OPTIMIZED_INTEGRATIONS } from "../../provider/src/integrations/table";
import {
  ACCOUNT,
  allow,
  ALL_PATTERNS,
  callbackArgs,
  canonical,
  expectedStatements,
  INTEGRATION_CASES,
  REGION,
  STATE,
  SUFFIX,
  taskDefinition,
} from "./integration-cases";

const OPTIONS = { region: REGION, account: ACCOUNT, stateMachineName: "orders-flow" } as const;

/** The service integration pattern table of the reference (Standard workflows). */
const REFERENCE_PATTERNS: ReadonlyArray<{ service: string; prefix: string; patterns: IntegrationPattern[] }> = [
  { service: "API Gateway", prefix: "apigateway", patterns: ["request-response", "callback"] },
  { service: "Athena", prefix: "athena", patterns: ["request-response", "sync"] },
  { service: "Batch", prefix: "batch", patterns: ["request-response", "sync"] },
  { service: "Bedrock", prefix: "bedrock", patterns: ["request-response", "sync", "callback"] },
  { service: "CodeBuild", prefix: "codebuild", patterns: ["request-response", "sync"] },
  { service: "DynamoDB", prefix: "dynamodb", patterns: ["request-response"] },
  { service: "ECS/Fargate", prefix: "ecs", patterns: ["request-response", "sync", "callback"] },
  { service: "EKS", prefix: "eks", patterns: ["request-response", "sync", "callback"] },
  { service: "EMR", prefix: "elasticmapreduce", patterns: ["request-response", "sync"] },
  { service: "EMR on EKS", prefix: "emr-containers", patterns: ["request-response", "sync"] },
  { service: "EMR Serverless", prefix: "emr-serverless", patterns: ["request-response", "sync"] },
  { service: "EventBridge", prefix: "events", patterns: ["request-response", "callback"] },
  { service: "Glue", prefix: "glue", patterns: ["request-response", "sync"] },
  { service: "Glue DataBrew", prefix: "databrew", patterns: ["request-response", "sync"] },
  { service: "Lambda", prefix: "lambda", patterns: ["request-response", "callback"] },
  { service: "MediaConvert", prefix: "mediaconvert", patterns: ["request-response", "sync"] },
  { service: "SageMaker", prefix: "sagemaker", patterns: ["request-response", "sync"] },
  { service: "SNS", prefix: "sns", patterns: ["request-response", "callback"] },
  { service: "SQS", prefix: "sqs", patterns: ["request-response", "callback"] },
  { service: "Step Functions", prefix: "states", patterns: ["request-response", "sync", "sync:2", "callback"] },
];

function supportedList(patterns: readonly IntegrationPattern[]): string {
  return patterns.map((pattern) => (pattern === "request-response" ? "request-response" : SUFFIX[pattern])).join(", ");
}

describe("integration table", () => {
  it("has exactly one test case per optimized entry", () => {
    assert.deepEqual(INTEGRATION_CASES.map((c) => c.integration).sort(), Object.keys(OPTIMIZED_INTEGRATIONS).sort());
  });

  for (const testCase of INTEGRATION_CASES) {
    describe(testCase.integration, () => {
      for (const pattern of ALL_PATTERNS) {
        const resource = `arn:aws:states:::${testCase.integration}${SUFFIX[pattern]}`;
        const parameters = pattern === "callback" ? callbackArgs(testCase) : testCase.args;
        const result = () => analyze(taskDefinition(resource, parameters), OPTIONS);

        if (testCase.patterns.includes(pattern)) {
          it(`${pattern}: ok with exactly the expected statements`, () => {
            const analysis = result();
            assert.deepEqual(analysis.errors, []);
            assert.deepEqual(
              analysis.warnings.map((warning) => warning.rule),
              testCase.warnings ?? [],
            );
            assert.equal(analysis.ok, true);
            assert.deepEqual(canonical(analysis.statements), canonical(expectedStatements(testCase, pattern)));
            const [service, action] = testCase.integration.split(":");
            assert.deepEqual(analysis.integrations, [{ state: STATE, resource, kind: "optimized", service, action, pattern }]);
          });
        } else {
          it(`${pattern}: rejected with unsupported-pattern`, () => {
            const analysis = result();
            assert.equal(analysis.ok, false);
            assert.deepEqual(analysis.errors, [
              {
                severity: "error",
                rule: "unsupported-pattern",
                state: STATE,
                message: `${testCase.integration} does not support ${SUFFIX[pattern]} (${testCase.integration} support: ${supportedList(testCase.patterns)}); change the Resource suffix`,
              },
            ]);
            assert.deepEqual(analysis.statements, []);
          });
        }
      }
    });
  }

  describe("coverage of the reference's pattern table", () => {
    for (const { service, prefix, patterns } of REFERENCE_PATTERNS) {
      it(`${service}: the table's ${prefix} entries support exactly ${patterns.join(", ")}`, () => {
        const entries = Object.entries(OPTIMIZED_INTEGRATIONS).filter(([key]) => key.split(":")[0] === prefix);
        assert.ok(entries.length > 0, `no ${prefix} entry`);
        const union = new Set(entries.flatMap(([, entry]) => entry.patterns));
        assert.deepEqual(
          ALL_PATTERNS.filter((p) => union.has(p)),
          patterns,
        );
      });
    }

    it("knows no service the reference does not list, except the HTTP Task", () => {
      const listed = new Set(REFERENCE_PATTERNS.map((r) => r.prefix));
      const extra = [...new Set(Object.keys(OPTIMIZED_INTEGRATIONS).map((key) => key.split(":")[0]))].filter((s) => !listed.has(s));
      assert.deepEqual(extra, ["http"]);
    });

    it("AWS SDK integrations: request-response and callback, never .sync", () => {
      assert.deepEqual(lookupIntegration("aws-sdk", "sqs", "receiveMessage")?.patterns, ["request-response", "callback"]);
    });
  });
});

describe("Lambda named by ARN or partial name", () => {
  const FN = "arn:aws:lambda:us-east-1:123456789012:function:my-fn";
  const cases: ReadonlyArray<[string, string, Record<string, unknown> | undefined, string[]]> = [
    ["legacy Resource, unqualified", FN, undefined, [FN, `${FN}:*`]],
    ["legacy Resource, alias", `${FN}:prod`, undefined, [`${FN}:prod`]],
    [
      "FunctionName ARN in another account",
      "arn:aws:states:::lambda:invoke",
      { FunctionName: "arn:aws:lambda:eu-west-1:111122223333:function:other" },
      ["arn:aws:lambda:eu-west-1:111122223333:function:other", "arn:aws:lambda:eu-west-1:111122223333:function:other:*"],
    ],
    ["FunctionName with a qualifier", "arn:aws:states:::lambda:invoke", { FunctionName: "my-fn:prod" }, [`${FN}:prod`]],
    [
      "FunctionName partial ARN",
      "arn:aws:states:::lambda:invoke",
      { FunctionName: "111122223333:function:my-fn" },
      ["arn:aws:lambda:us-east-1:111122223333:function:my-fn", "arn:aws:lambda:us-east-1:111122223333:function:my-fn:*"],
    ],
  ];
  for (const [name, resource, args, resources] of cases) {
    it(name, () => {
      const analysis = analyze(taskDefinition(resource, args), OPTIONS);
      assert.deepEqual([analysis.errors, analysis.warnings], [[], []]);
      assert.deepEqual(analysis.statements, [allow(["lambda:InvokeFunction"], resources)]);
      assert.equal(analysis.integrations[0].kind, args ? "optimized" : "lambda-arn");
    });
  }

  it("an activity needs no permission", () => {
    const analysis = analyze(taskDefinition("arn:aws:states:us-east-1:123456789012:activity:review"), OPTIONS);
    assert.deepEqual([analysis.ok, analysis.statements], [true, []]);
  });
});

describe("API Gateway invoke", () => {
  it("scopes to the API's own region, taken from the endpoint", () => {
    const analysis = analyze(
      taskDefinition("arn:aws:states:::apigateway:invoke", {
        ApiEndpoint: "z9y8x7w6v5.execute-api.eu-west-1.amazonaws.com",
        Method: "GET",
        Stage: "live",
        Path: "/quotes/latest",
        AuthType: "RESOURCE_POLICY",
      }),
      OPTIONS,
    );
    assert.deepEqual(analysis.statements, [
      allow(["execute-api:Invoke"], ["arn:aws:execute-api:eu-west-1:123456789012:z9y8x7w6v5/live/GET/quotes/latest"]),
    ]);
  });

  it("NO_AUTH (the default) needs no permission", () => {
    const analysis = analyze(
      taskDefinition("arn:aws:states:::apigateway:invoke", {
        ApiEndpoint: "z9y8x7w6v5.execute-api.eu-west-1.amazonaws.com",
        Method: "GET",
      }),
      OPTIONS,
    );
    assert.deepEqual([analysis.ok, analysis.statements], [true, []]);
  });
});

/** Resources computed at run time: `*`, and one `dynamic-resource` warning naming the argument. */
describe("dynamic arguments", () => {
  const dynamic = (integration: string, path: string) => ({
    severity: "warning",
    rule: "dynamic-resource",
    state: STATE,
    message: `${integration}: ${path} is computed at run time, so its permissions are granted on "*"; write the value literally (or as a \${placeholder}) to scope them`,
  });
  const jsonata = (resource: string, args: unknown) => taskDefinition(resource, undefined, { QueryLanguage: "JSONata", Arguments: args });

  const cases: ReadonlyArray<{
    name: string;
    definition: Record<string, unknown>;
    statements: PolicyStatement[];
    path: string;
    integration: string;
  }> = [
    {
      name: "JSONPath QueueUrl.$",
      definition: taskDefinition("arn:aws:states:::sqs:sendMessage", { "QueueUrl.$": "$.queueUrl", MessageBody: "x" }),
      statements: [allow(["sqs:SendMessage"], ["*"])],
      integration: "sqs:sendMessage",
      path: "QueueUrl.$",
    },
    {
      name: "JSONata {% %} QueueUrl",
      definition: jsonata("arn:aws:states:::sqs:sendMessage", { QueueUrl: "{% $states.input.queueUrl %}", MessageBody: "x" }),
      statements: [allow(["sqs:SendMessage"], ["*"])],
      integration: "sqs:sendMessage",
      path: "QueueUrl",
    },
    {
      name: "JSONata Arguments computed as a whole",
      definition: jsonata("arn:aws:states:::dynamodb:putItem", "{% $states.input.request %}"),
      statements: [allow(["dynamodb:PutItem"], ["*"])],
      integration: "dynamodb:putItem",
      path: "(all arguments)",
    },
    {
      name: "JSONPath FunctionName.$",
      definition: taskDefinition("arn:aws:states:::lambda:invoke", { "FunctionName.$": "$.fn", Payload: {} }),
      statements: [allow(["lambda:InvokeFunction"], ["*"])],
      integration: "lambda:invoke",
      path: "FunctionName.$",
    },
    {
      name: "JSONPath StateMachineArn.$ with .sync: every scoped statement widens, the rule stays",
      definition: taskDefinition("arn:aws:states:::states:startExecution.sync", { "StateMachineArn.$": "$.child" }),
      statements: [
        allow(["states:StartExecution"], ["*"]),
        allow(["states:DescribeExecution", "states:StopExecution"], ["*"]),
        allow(
          ["events:DescribeRule", "events:PutRule", "events:PutTargets"],
          ["arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"],
        ),
      ],
      integration: "states:startExecution",
      path: "StateMachineArn.$",
    },
    {
      name: "a job scoping the same argument for start and .sync warns once",
      definition: taskDefinition("arn:aws:states:::codebuild:startBuild.sync", { "ProjectName.$": "$.project" }),
      statements: [
        allow(["codebuild:StartBuild"], ["*"]),
        allow(["codebuild:BatchGetBuilds", "codebuild:StopBuild"], ["*"]),
        allow(["codebuild:BatchGetReports"], ["arn:aws:codebuild:us-east-1:123456789012:report-group/*"]),
        allow(
          ["events:DescribeRule", "events:PutRule", "events:PutTargets"],
          ["arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventForCodeBuildStartBuildRule"],
        ),
      ],
      integration: "codebuild:startBuild",
      path: "ProjectName.$",
    },
  ];

  for (const { name, definition, statements, integration, path } of cases) {
    it(name, () => {
      const analysis = analyze(definition, OPTIONS);
      assert.deepEqual(analysis.errors, []);
      assert.deepEqual(analysis.warnings, [dynamic(integration, path)]);
      assert.deepEqual(canonical(analysis.statements), canonical(statements));
    });
  }

  it("a JSONata callback passes the token with $states.context.Task.Token", () => {
    const analysis = analyze(
      jsonata("arn:aws:states:::sqs:sendMessage.waitForTaskToken", {
        QueueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders",
        MessageBody: "{% {'token': $states.context.Task.Token} %}",
      }),
      OPTIONS,
    );
    assert.deepEqual(analysis.errors, []);
    assert.deepEqual(
      analysis.warnings.map((warning) => warning.rule),
      ["kms-key-unknown"],
    );
    assert.deepEqual(analysis.statements, [allow(["sqs:SendMessage"], ["arn:aws:sqs:eu-west-1:111122223333:orders"])]);
  });

  it("an Athena catalog computed at run time: GetDataCatalog on every catalog, not on AwsDataCatalog", () => {
    const analysis = analyze(
      taskDefinition("arn:aws:states:::athena:startQueryExecution", {
        QueryString: "SELECT 1",
        WorkGroup: "analytics",
        QueryExecutionContext: { "Catalog.$": "$.catalog" },
        ResultConfiguration: { OutputLocation: "s3://query-results/athena/" },
      }),
      OPTIONS,
    );
    assert.deepEqual(
      analysis.statements.filter((s) => s.Action.includes("athena:GetDataCatalog")),
      [allow(["athena:GetDataCatalog"], ["arn:aws:athena:us-east-1:123456789012:datacatalog/*"])],
    );
  });

  it("a queue URL that is not one is an invalid-argument error", () => {
    const analysis = analyze(taskDefinition("arn:aws:states:::sqs:sendMessage", { QueueUrl: "orders", MessageBody: "x" }), OPTIONS);
    assert.deepEqual(analysis.errors, [
      {
        severity: "error",
        rule: "invalid-argument",
        state: STATE,
        message: 'sqs:sendMessage: QueueUrl: "orders" is not an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME)',
      },
    ]);
  });
});

describe("the HTTP Task's connection", () => {
  const connection = "arn:aws:events:us-east-1:123456789012:connection/example-api/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
  const credentials = (args: Record<string, unknown>) =>
    analyze(taskDefinition("arn:aws:states:::http:invoke", { ApiEndpoint: "https://api.example.com/v1", Method: "GET", ...args }), OPTIONS)
      .statements.filter((statement) => statement.Action.includes("events:RetrieveConnectionCredentials"))
      .flatMap((statement) => statement.Resource);

  it("may be named in InvocationConfig as well as in Authentication", () => {
    assert.deepEqual(credentials({ InvocationConfig: { ConnectionArn: connection } }), [connection]);
    assert.deepEqual(credentials({ Authentication: { ConnectionArn: connection } }), [connection]);
  });
});
