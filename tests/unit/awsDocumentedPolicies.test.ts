/**
 * The derived statements against the policies AWS documents for each integration (Step Functions
 * developer guide, "IAM policies for integrated services": the static-resource template per
 * integration and pattern, placeholders filled with the task's values; the guide's source is
 * awsdocs/aws-step-functions-developer-guide, doc_source/SERVICE-iam.md, archived in June 2023; for
 * the integrations it predates, today's pages, named in each file of aws-documented/). Every action
 * AWS lists is granted, and nothing is granted beyond AWS's template, unless a reason below says why.
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import { COMPUTE_DOCUMENTED } from "./aws-documented/compute";
import { ML_DOCUMENTED } from "./aws-documented/ml";
import { A, rule, type Documented, type Statement } from "./aws-documented/shape";
import { ACCOUNT, REGION, SUFFIX, taskDefinition } from "./integration-cases";

const OPTIONS = { region: REGION, account: ACCOUNT, stateMachineName: "orders-flow" } as const;

const ATHENA_GLUE_DDL =
  "DDL that drops or alters databases, tables and partitions, and user-defined functions: a query task reads the catalog and creates tables and partitions (CTAS, INSERT); it does not administer the catalog";

const ATHENA_DATA: Statement[] = [
  [
    [
      "s3:GetBucketLocation",
      "s3:GetObject",
      "s3:ListBucket",
      "s3:ListBucketMultipartUploads",
      "s3:ListMultipartUploadParts",
      "s3:AbortMultipartUpload",
      "s3:CreateBucket",
      "s3:PutObject",
    ],
    ["arn:aws:s3:::*"],
  ],
  [
    [
      "glue:CreateDatabase",
      "glue:GetDatabase",
      "glue:GetDatabases",
      "glue:UpdateDatabase",
      "glue:DeleteDatabase",
      "glue:CreateTable",
      "glue:UpdateTable",
      "glue:GetTable",
      "glue:GetTables",
      "glue:DeleteTable",
      "glue:BatchDeleteTable",
      "glue:BatchCreatePartition",
      "glue:CreatePartition",
      "glue:UpdatePartition",
      "glue:GetPartition",
      "glue:GetPartitions",
      "glue:BatchGetPartition",
      "glue:DeletePartition",
      "glue:BatchDeletePartition",
    ],
    [`arn:aws:glue:${A}:catalog`, `arn:aws:glue:${A}:database/*`, `arn:aws:glue:${A}:table/*`, `arn:aws:glue:${A}:userDefinedFunction/*`],
  ],
  [["lakeformation:GetDataAccess"], ["*"]],
];

const ATHENA_OMITTED: Record<string, string> = {
  "s3:CreateBucket": "Athena creates a results bucket only when none is set; the task names its result location",
  "glue:CreateDatabase": ATHENA_GLUE_DDL,
  "glue:UpdateDatabase": ATHENA_GLUE_DDL,
  "glue:DeleteDatabase": ATHENA_GLUE_DDL,
  "glue:DeleteTable": ATHENA_GLUE_DDL,
  "glue:BatchDeleteTable": ATHENA_GLUE_DDL,
  "glue:CreatePartition": ATHENA_GLUE_DDL,
  "glue:UpdatePartition": ATHENA_GLUE_DDL,
  "glue:DeletePartition": ATHENA_GLUE_DDL,
  "glue:BatchDeletePartition": ATHENA_GLUE_DDL,
};

const ECS_DEFINITION_ROLES = {
  "iam:PassRole":
    "RunTask passes the task definition's roles, which the parameters do not name: iam:PassRole on the account's roles, for ecs-tasks.amazonaws.com only (AWS's page says to add iam:PassRole for the task's roles)",
};

const LAMBDA_QUALIFIERS = {
  "lambda:InvokeFunction":
    "also on price-quote:* : an unqualified function name may be called with a version or alias qualifier, which IAM matches only with the qualified ARN",
};

const DOCUMENTED: readonly Documented[] = [
  {
    integration: "sqs:sendMessage",
    pattern: "callback",
    parameters: { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/orders`, MessageBody: { "token.$": "$$.Task.Token" } },
    aws: [[["sqs:SendMessage"], [`arn:aws:sqs:${A}:orders`]]],
  },
  {
    integration: "sns:publish",
    pattern: "request-response",
    parameters: { TopicArn: `arn:aws:sns:${A}:alerts`, Message: "hi" },
    aws: [[["sns:Publish"], [`arn:aws:sns:${A}:alerts`]]],
  },
  {
    integration: "lambda:invoke",
    pattern: "request-response",
    parameters: { FunctionName: "price-quote", "Payload.$": "$" },
    aws: [[["lambda:InvokeFunction"], [`arn:aws:lambda:${A}:function:price-quote`]]],
    added: LAMBDA_QUALIFIERS,
  },
  {
    integration: "events:putEvents",
    pattern: "request-response",
    parameters: { Entries: [{ EventBusName: "orders-bus", Source: "s", DetailType: "d", Detail: {} }] },
    aws: [[["events:PutEvents"], [`arn:aws:events:${A}:event-bus/orders-bus`]]],
  },
  {
    integration: "lambda:invoke",
    pattern: "callback",
    parameters: { FunctionName: "price-quote", Payload: { "token.$": "$$.Task.Token" } },
    aws: [[["lambda:InvokeFunction"], [`arn:aws:lambda:${A}:function:price-quote`]]],
    added: LAMBDA_QUALIFIERS,
  },
  {
    integration: "sqs:sendMessage",
    pattern: "request-response",
    parameters: { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/orders`, MessageBody: "hi" },
    aws: [[["sqs:SendMessage"], [`arn:aws:sqs:${A}:orders`]]],
  },
  {
    integration: "sns:publish",
    pattern: "callback",
    parameters: { TopicArn: `arn:aws:sns:${A}:alerts`, Message: { "token.$": "$$.Task.Token" } },
    aws: [[["sns:Publish"], [`arn:aws:sns:${A}:alerts`]]],
  },
  {
    integration: "events:putEvents",
    pattern: "callback",
    parameters: { Entries: [{ EventBusName: "orders-bus", Source: "s", DetailType: "d", Detail: { "token.$": "$$.Task.Token" } }] },
    aws: [[["events:PutEvents"], [`arn:aws:events:${A}:event-bus/orders-bus`]]],
  },
  {
    // AWS's page: execute-api:Invoke on the API's ARN (api-id/stage/VERB/path, its resource-policy example).
    integration: "apigateway:invoke",
    pattern: "request-response",
    parameters: {
      ApiEndpoint: `a1b2c3d4e5.execute-api.${REGION}.amazonaws.com`,
      Method: "POST",
      Stage: "prod",
      Path: "/orders",
      AuthType: "IAM_ROLE",
    },
    aws: [[["execute-api:Invoke"], [`arn:aws:execute-api:${A}:a1b2c3d4e5/prod/POST/orders`]]],
  },
  {
    integration: "states:startExecution",
    pattern: "request-response",
    parameters: { StateMachineArn: `arn:aws:states:${A}:stateMachine:child` },
    aws: [[["states:StartExecution"], [`arn:aws:states:${A}:stateMachine:child`]]],
  },
  {
    integration: "states:startExecution",
    pattern: "callback",
    parameters: { StateMachineArn: `arn:aws:states:${A}:stateMachine:child`, Input: { "token.$": "$$.Task.Token" } },
    aws: [[["states:StartExecution"], [`arn:aws:states:${A}:stateMachine:child`]]],
  },
  {
    integration: "batch:submitJob",
    pattern: "request-response",
    parameters: { JobName: "n", JobDefinition: "report", JobQueue: "q" },
    aws: [[["batch:SubmitJob"], ["*"]]],
  },
  {
    integration: "ecs:runTask",
    pattern: "request-response",
    parameters: { TaskDefinition: "billing:3" },
    aws: [[["ecs:RunTask"], [`arn:aws:ecs:${A}:task-definition/billing:3`]]],
    added: ECS_DEFINITION_ROLES,
  },
  {
    integration: "glue:startJobRun",
    pattern: "request-response",
    parameters: { JobName: "nightly-etl" },
    aws: [[["glue:StartJobRun"], ["*"]]],
  },
  {
    integration: "databrew:startJobRun",
    pattern: "request-response",
    parameters: { Name: "clean-orders" },
    aws: [[["databrew:StartJobRun"], [`arn:aws:databrew:${A}:job/*`]]],
  },
  {
    integration: "codebuild:startBuild",
    pattern: "request-response",
    parameters: { ProjectName: "site" },
    aws: [[["codebuild:StartBuild"], [`arn:aws:codebuild:${A}:project/site`]]],
  },
  {
    // AWS's "Call HTTPS APIs" page: the connection, its secret, and InvokeHTTPEndpoint on the state machine.
    integration: "http:invoke",
    pattern: "request-response",
    parameters: {
      ApiEndpoint: "https://api.example.com/v1/orders",
      Method: "POST",
      InvocationConfig: { ConnectionArn: `arn:aws:events:${A}:connection/example-api/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b` },
    },
    aws: [
      [["events:RetrieveConnectionCredentials"], [`arn:aws:events:${A}:connection/example-api/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`]],
      [["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], ["arn:aws:secretsmanager:*:*:secret:events!connection/*"]],
      [["states:InvokeHTTPEndpoint"], [`arn:aws:states:${A}:stateMachine:orders-flow`]],
    ],
    added: {
      "states:InvokeHTTPEndpoint":
        'on "*", with AWS\'s states:HTTPEndpoint and states:HTTPMethod conditions (asserted in integration-cases/messaging.ts): IAM\'s reference gives the action no resource type, so only "*" is sure to match it',
    },
  },
  // Today's page "Create and manage AWS Elemental MediaConvert jobs with Step Functions" (connect-mediaconvert.html;
  // the archived guide predates the integration). GetJob and CancelJob also carry AWS's condition on the
  // ManagedByService=AWSStepFunctions tag (asserted in integration-cases/dataMl.ts).
  ...(["request-response", "sync"] as const).map((pattern): Documented => ({
    integration: "mediaconvert:createJob",
    pattern,
    parameters: { Role: `arn:aws:iam::${ACCOUNT}:role/media`, Settings: {} },
    aws: [
      [
        ["mediaconvert:CreateJob"],
        [`arn:aws:mediaconvert:${A}:queues/*`, `arn:aws:mediaconvert:${A}:jobTemplates/*`, `arn:aws:mediaconvert:${A}:presets/*`],
      ],
      [["iam:PassRole"], [`arn:aws:iam::${ACCOUNT}:role/media`]],
      ...(pattern === "sync"
        ? [
            [["mediaconvert:GetJob", "mediaconvert:CancelJob"], [`arn:aws:mediaconvert:${A}:jobs/*`]] as Statement,
            rule("StepFunctionsGetEventsForMediaConvertJobRule"),
          ]
        : []),
    ],
  })),
  // AWS's page: .sync:2 (output as JSON) needs what .sync needs.
  ...(["sync", "sync:2"] as const).map((pattern): Documented => ({
    integration: "states:startExecution",
    pattern,
    parameters: { StateMachineArn: `arn:aws:states:${A}:stateMachine:child` },
    aws: [
      [["states:StartExecution"], [`arn:aws:states:${A}:stateMachine:child`]],
      [["states:DescribeExecution", "states:StopExecution"], [`arn:aws:states:${A}:execution:child:*`]],
      rule("StepFunctionsGetEventsForStepFunctionsExecutionRule"),
    ],
  })),
  {
    integration: "batch:submitJob",
    pattern: "sync",
    parameters: { JobName: "n", JobDefinition: "report", JobQueue: "q" },
    aws: [[["batch:SubmitJob", "batch:DescribeJobs", "batch:TerminateJob"], ["*"]], rule("StepFunctionsGetEventsForBatchJobsRule")],
  },
  {
    integration: "ecs:runTask",
    pattern: "sync",
    parameters: { TaskDefinition: "billing:3", Overrides: { TaskRoleArn: `arn:aws:iam::${ACCOUNT}:role/billing-task` } },
    aws: [
      [["ecs:RunTask"], [`arn:aws:ecs:${A}:task-definition/billing:3`]],
      [["ecs:StopTask", "ecs:DescribeTasks"], ["*"]],
      rule("StepFunctionsGetEventsForECSTaskRule"),
    ],
    added: {
      "iam:PassRole":
        "ECS RunTask passes the task's roles; AWS's page says to add iam:PassRole for them (it is granted on exactly the roles named, for ecs-tasks.amazonaws.com)",
    },
  },
  {
    integration: "glue:startJobRun",
    pattern: "sync",
    parameters: { JobName: "nightly-etl" },
    aws: [[["glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"], ["*"]]],
  },
  {
    integration: "databrew:startJobRun",
    pattern: "sync",
    parameters: { Name: "clean-orders" },
    aws: [[["databrew:StartJobRun", "databrew:ListJobRuns", "databrew:StopJobRun"], [`arn:aws:databrew:${A}:job/*`]]],
  },
  {
    integration: "codebuild:startBuild",
    pattern: "sync",
    parameters: { ProjectName: "site" },
    aws: [
      [["codebuild:StartBuild", "codebuild:StopBuild", "codebuild:BatchGetBuilds"], [`arn:aws:codebuild:${A}:project/site`]],
      rule("StepFunctionsGetEventForCodeBuildStartBuildRule"),
    ],
    added: {
      "codebuild:BatchGetReports":
        "the .sync integration reads the build's test reports; AWS's sample policy for the CodeBuild integration grants it (on report groups here, its resource type in IAM)",
    },
  },
  {
    integration: "codebuild:startBuildBatch",
    pattern: "sync",
    parameters: { ProjectName: "site" },
    aws: [
      [
        ["codebuild:StartBuildBatch", "codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches"],
        [`arn:aws:codebuild:${A}:project/site`],
      ],
      rule("StepFunctionsGetEventForCodeBuildStartBuildBatchRule"),
    ],
  },
  {
    // A build ID is PROJECT:UUID: AWS's [[projectName]] is its first part.
    integration: "codebuild:stopBuild",
    pattern: "request-response",
    parameters: { Id: "site:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" },
    aws: [[["codebuild:StopBuild"], [`arn:aws:codebuild:${A}:project/site`]]],
  },
  {
    integration: "codebuild:batchDeleteBuilds",
    pattern: "request-response",
    parameters: { Ids: ["site:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "site:1f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"] },
    aws: [[["codebuild:BatchDeleteBuilds"], [`arn:aws:codebuild:${A}:project/site`]]],
  },
  {
    integration: "codebuild:batchGetReports",
    pattern: "request-response",
    parameters: { ReportArns: [`arn:aws:codebuild:${A}:report/site-tests:0f1e2d3c`] },
    aws: [[["codebuild:BatchGetReports"], [`arn:aws:codebuild:${A}:report-group/site-tests`]]],
  },
  ...(["GetItem", "PutItem", "UpdateItem", "DeleteItem"] as const).map((action): Documented => ({
    integration: `dynamodb:${action.charAt(0).toLowerCase()}${action.slice(1)}`,
    pattern: "request-response",
    parameters: { TableName: "orders", Key: {}, Item: {} },
    aws: [[[`dynamodb:${action}`], [`arn:aws:dynamodb:${A}:table/orders`]]],
  })),
  ...(["request-response", "sync"] as const).map((pattern): Documented => ({
    integration: "athena:startQueryExecution",
    pattern,
    parameters: { QueryString: "SELECT 1", WorkGroup: "analytics", ResultConfiguration: { OutputLocation: "s3://query-results/athena/" } },
    aws: [
      [
        pattern === "sync"
          ? ["athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution", "athena:GetDataCatalog"]
          : ["athena:StartQueryExecution", "athena:GetDataCatalog"],
        [`arn:aws:athena:${A}:workgroup/analytics`, `arn:aws:athena:${A}:datacatalog/*`],
      ],
      ...ATHENA_DATA,
    ],
    omitted: ATHENA_OMITTED,
  })),
  {
    integration: "athena:stopQueryExecution",
    pattern: "request-response",
    parameters: { QueryExecutionId: "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" },
    aws: [[["athena:stopQueryExecution"], [`arn:aws:athena:${A}:workgroup/*`]]],
  },
  {
    integration: "athena:getQueryExecution",
    pattern: "request-response",
    parameters: { QueryExecutionId: "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" },
    aws: [[["athena:getQueryExecution"], [`arn:aws:athena:${A}:workgroup/*`]]],
  },
  {
    // GetQueryResults' parameters never name the result location: AWS's "arn:aws:s3:::*" is all there is to grant.
    integration: "athena:getQueryResults",
    pattern: "request-response",
    parameters: { QueryExecutionId: "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", MaxResults: 100 },
    aws: [
      [["athena:getQueryResults"], [`arn:aws:athena:${A}:workgroup/*`]],
      [["s3:GetObject"], ["arn:aws:s3:::*"]],
    ],
  },
  {
    integration: "sagemaker:createTrainingJob",
    pattern: "sync",
    parameters: { TrainingJobName: "churn", RoleArn: `arn:aws:iam::${ACCOUNT}:role/sm`, AlgorithmSpecification: {} },
    aws: [
      [
        ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob"],
        [`arn:aws:sagemaker:${A}:training-job/churn*`],
      ],
      [["sagemaker:ListTags"], ["*"]],
      [["iam:PassRole"], [`arn:aws:iam::${ACCOUNT}:role/sm`]],
      rule("StepFunctionsGetEventsForSageMakerTrainingJobsRule"),
    ],
  },
  {
    integration: "sagemaker:createTransformJob",
    pattern: "sync",
    parameters: { TransformJobName: "score", ModelName: "churn", TransformInput: {}, TransformOutput: {}, TransformResources: {} },
    aws: [
      [
        ["sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob"],
        [`arn:aws:sagemaker:${A}:transform-job/score*`],
      ],
      [["sagemaker:ListTags"], ["*"]],
      [["iam:PassRole"], [`arn:aws:iam::${ACCOUNT}:role/*`]],
      rule("StepFunctionsGetEventsForSageMakerTransformJobsRule"),
    ],
    omitted: {
      "iam:PassRole":
        "AWS's template lists [[roleArn]], the role SageMaker reads model artifacts with; CreateTransformJob has no role parameter: CreateModel passed that role",
    },
  },
  {
    integration: "apigateway:invoke",
    pattern: "callback",
    parameters: {
      ApiEndpoint: `a1b2c3d4e5.execute-api.${REGION}.amazonaws.com`,
      Method: "POST",
      Stage: "prod",
      Path: "/orders",
      AuthType: "IAM_ROLE",
      RequestBody: { "token.$": "$$.Task.Token" },
    },
    aws: [[["execute-api:Invoke"], [`arn:aws:execute-api:${A}:a1b2c3d4e5/prod/POST/orders`]]],
  },
  {
    integration: "ecs:runTask",
    pattern: "callback",
    parameters: {
      TaskDefinition: "billing:3",
      Overrides: { ContainerOverrides: [{ Name: "app", Environment: [{ Name: "TASK_TOKEN", "Value.$": "$$.Task.Token" }] }] },
    },
    aws: [[["ecs:RunTask"], [`arn:aws:ecs:${A}:task-definition/billing:3`]]],
    added: ECS_DEFINITION_ROLES,
  },
  {
    integration: "codebuild:startBuild",
    pattern: "request-response",
    parameters: { ProjectName: "site" },
    aws: [[["codebuild:StartBuild"], [`arn:aws:codebuild:${A}:project/site`]]],
  },
  {
    integration: "codebuild:startBuildBatch",
    pattern: "request-response",
    parameters: { ProjectName: "site" },
    aws: [[["codebuild:StartBuildBatch"], [`arn:aws:codebuild:${A}:project/site`]]],
  },
  ...COMPUTE_DOCUMENTED,
  ...ML_DOCUMENTED,
];

/** An IAM resource pattern (`*` and `?` wildcards) as a regular expression. */
const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\/]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

describe("derived statements against AWS's documented policies", () => {
  for (const doc of DOCUMENTED) {
    it(`${doc.integration}${SUFFIX[doc.pattern]}: AWS's actions granted, nothing beyond AWS's resources without a stated reason`, () => {
      const analysis = analyze(taskDefinition(`arn:aws:states:::${doc.integration}${SUFFIX[doc.pattern]}`, doc.parameters), OPTIONS);
      assert.deepEqual(analysis.errors, []);
      const granted = analysis.statements.flatMap((s) =>
        s.Action.flatMap((action) => s.Resource.map((resource) => ({ action, resource }))),
      );
      const missing = doc.aws
        .flatMap(([actions]) => actions)
        .filter((action) => !granted.some((g) => same(g.action, action)) && !doc.omitted?.[action]);
      const beyond = granted.filter(
        ({ action, resource }) =>
          !doc.added?.[action] &&
          !doc.aws.some(([actions, resources]) => actions.some((a) => same(a, action)) && resources.some((r) => glob(r).test(resource))),
      );
      assert.deepEqual({ missing, beyond }, { missing: [], beyond: [] });
      // A stated reason must still be needed: the omitted action is really not granted, the added one really is.
      for (const action of Object.keys(doc.omitted ?? {})) assert.ok(!granted.some((g) => same(g.action, action)), action);
      for (const action of Object.keys(doc.added ?? {}))
        assert.ok(
          granted.some((g) => g.action === action),
          action,
        );
    });
  }
});
