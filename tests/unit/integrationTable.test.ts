/**
 * The optimized integration table, entry by entry and pattern by pattern: supported patterns
 * yield exactly the expected statements, unsupported ones exactly one `unsupported-pattern` error.
 * The expected data lives in ./integration-cases (written out literally).
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import type { IntegrationPattern, PolicyStatement } from "../../provider/src/analysis/types";
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
            assert.deepEqual(analysis.warnings, []);
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

/** AWS SDK integrations: IAM names, resource scoping, and the patterns they accept. */
const SDK_CASES: ReadonlyArray<{ resource: string; args: Record<string, unknown>; statements: PolicyStatement[]; wildcard?: string }> = [
  {
    resource: "arn:aws:states:::aws-sdk:sfn:startExecution",
    args: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:child", Input: "{}" },
    statements: [allow(["states:StartExecution"], ["arn:aws:states:us-east-1:123456789012:stateMachine:child"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:sfn:describeExecution",
    args: { ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:child:run-1" },
    statements: [allow(["states:DescribeExecution"], ["arn:aws:states:us-east-1:123456789012:execution:child:run-1"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:elasticloadbalancingv2:describeTargetHealth",
    args: { TargetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef" },
    statements: [allow(["elasticloadbalancing:DescribeTargetHealth"], ["*"])],
    wildcard:
      'aws-sdk:elasticloadbalancingv2:describeTargetHealth: the resource cannot be derived from the arguments, so elasticloadbalancing:DescribeTargetHealth is granted on "*"; pass roleArn or add narrower policyStatements and accept this warning knowingly',
  },
  {
    resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2",
    args: { Bucket: "reports", Prefix: "2024/" },
    statements: [allow(["s3:ListBucket"], ["arn:aws:s3:::reports"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:s3:getObject",
    args: { Bucket: "reports", Key: "2024/summary.json" },
    statements: [allow(["s3:GetObject"], ["arn:aws:s3:::reports/2024/summary.json"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:s3:listParts",
    args: { Bucket: "reports", Key: "2024/big.csv", UploadId: "upload-1" },
    statements: [allow(["s3:ListMultipartUploadParts"], ["arn:aws:s3:::reports/2024/big.csv"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:s3:copyObject",
    args: { Bucket: "archive", Key: "2024/summary.json", CopySource: "reports/2024/summary%20v2.json?versionId=3" },
    statements: [
      allow(["s3:GetObject"], ["arn:aws:s3:::reports/2024/summary v2.json"]),
      allow(["s3:PutObject"], ["arn:aws:s3:::archive/2024/summary.json"]),
    ],
  },
  {
    resource: "arn:aws:states:::aws-sdk:sqs:sendMessageBatch",
    args: { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders", Entries: [{ Id: "1", MessageBody: "a" }] },
    statements: [allow(["sqs:SendMessage"], ["arn:aws:sqs:eu-west-1:111122223333:orders"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:dynamodb:query",
    args: { TableName: "orders", KeyConditionExpression: "pk = :pk" },
    statements: [
      allow(
        ["dynamodb:Query"],
        ["arn:aws:dynamodb:us-east-1:123456789012:table/orders", "arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/*"],
      ),
    ],
  },
  {
    resource: "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue",
    args: { SecretId: "prod/db" },
    statements: [allow(["secretsmanager:GetSecretValue"], ["arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-??????"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:apigateway:getRestApis",
    args: {},
    statements: [allow(["apigateway:GET"], ["*"])],
    wildcard:
      'aws-sdk:apigateway:getRestApis: the resource cannot be derived from the arguments, so apigateway:GET is granted on "*"; pass roleArn or add narrower policyStatements and accept this warning knowingly',
  },
];

describe("AWS SDK integrations", () => {
  for (const sdk of SDK_CASES) {
    it(`${sdk.resource.slice("arn:aws:states:::aws-sdk:".length)}: request-response and callback give the exact statements`, () => {
      for (const [suffix, args] of [
        ["", sdk.args],
        [".waitForTaskToken", { ...sdk.args, "ClientToken.$": "$$.Task.Token" }],
      ] as const) {
        const analysis = analyze(taskDefinition(`${sdk.resource}${suffix}`, args), OPTIONS);
        assert.deepEqual(analysis.errors, []);
        assert.deepEqual(
          analysis.warnings,
          sdk.wildcard ? [{ severity: "warning", rule: "sdk-resource-wildcard", state: STATE, message: sdk.wildcard }] : [],
        );
        assert.deepEqual(canonical(analysis.statements), canonical(sdk.statements));
      }
    });
  }

  for (const suffix of [".sync", ".sync:2"]) {
    it(`rejects ${suffix}`, () => {
      const analysis = analyze(taskDefinition(`arn:aws:states:::aws-sdk:sfn:startExecution${suffix}`, SDK_CASES[0].args), OPTIONS);
      assert.deepEqual(analysis.errors, [
        {
          severity: "error",
          rule: "unsupported-pattern",
          state: STATE,
          message: `sfn:startExecution does not support ${suffix} (AWS SDK integrations support: request-response, .waitForTaskToken); change the Resource suffix`,
        },
      ]);
      assert.deepEqual(analysis.statements, []);
    });
  }
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
    assert.deepEqual([analysis.errors, analysis.warnings], [[], []]);
    assert.deepEqual(analysis.statements, [allow(["sqs:SendMessage"], ["arn:aws:sqs:eu-west-1:111122223333:orders"])]);
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
