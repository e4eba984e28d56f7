/**
 * The derived statements against the policies AWS documents for each integration (Step Functions
 * developer guide, "IAM policies for integrated services": the static-resource template per
 * integration and pattern, placeholders filled with the task's values; the guide's source is
 * awsdocs/aws-step-functions-developer-guide, doc_source/SERVICE-iam.md). Every action AWS lists is
 * granted, and nothing is granted beyond AWS's template, unless a reason below says why.
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import type { IntegrationPattern } from "../../provider/src/model/types";
import { ACCOUNT, REGION, SUFFIX, taskDefinition } from "./integration-cases";

const OPTIONS = { region: REGION, account: ACCOUNT, stateMachineName: "orders-flow" } as const;
const A = `${REGION}:${ACCOUNT}`;
const rule = (name: string): Statement => [
  ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
  [`arn:aws:events:${A}:rule/${name}`],
];

type Statement = [actions: string[], resources: string[]];

interface Documented {
  integration: string;
  pattern: IntegrationPattern;
  parameters: Record<string, unknown>;
  /** AWS's template, placeholders filled. */
  aws: Statement[];
  /** Actions AWS lists that the role does not get, and why. */
  omitted?: Record<string, string>;
  /** Actions granted beyond AWS's template (on resources it does not cover), and why. */
  added?: Record<string, string>;
}

const ATHENA_GLUE_DDL =
  "DDL that drops or alters databases, tables and partitions, and user-defined functions: a query task reads the catalog and creates tables and partitions (CTAS, INSERT); it does not administer the catalog";

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
    added: {
      "iam:PassRole":
        "RunTask passes the task definition's roles, which the parameters do not name: iam:PassRole on the account's roles, for ecs-tasks.amazonaws.com only (AWS's page says to add iam:PassRole for the task's roles)",
    },
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
  {
    // AWS's page grants all three on "*" ("MediaConvert provides partial support for resource-level access control")
    // and iam:PassRole on "*": the role named and IAM's resource types for CreateJob, GetJob and CancelJob are narrower.
    integration: "mediaconvert:createJob",
    pattern: "sync",
    parameters: { Role: `arn:aws:iam::${ACCOUNT}:role/media`, Settings: {} },
    aws: [
      [["iam:PassRole"], ["*"]],
      [["mediaconvert:CreateJob", "mediaconvert:GetJob", "mediaconvert:CancelJob"], ["*"]],
      rule("StepFunctionsGetEventsForMediaConvertJobRule"),
    ],
  },
  {
    integration: "states:startExecution",
    pattern: "sync",
    parameters: { StateMachineArn: `arn:aws:states:${A}:stateMachine:child` },
    aws: [
      [["states:StartExecution"], [`arn:aws:states:${A}:stateMachine:child`]],
      [["states:DescribeExecution", "states:StopExecution"], [`arn:aws:states:${A}:execution:child:*`]],
      rule("StepFunctionsGetEventsForStepFunctionsExecutionRule"),
    ],
  },
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
  {
    integration: "athena:startQueryExecution",
    pattern: "sync",
    parameters: { QueryString: "SELECT 1", WorkGroup: "analytics", ResultConfiguration: { OutputLocation: "s3://query-results/athena/" } },
    aws: [
      [
        ["athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution", "athena:GetDataCatalog"],
        [`arn:aws:athena:${A}:workgroup/analytics`, `arn:aws:athena:${A}:datacatalog/*`],
      ],
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
        [
          `arn:aws:glue:${A}:catalog`,
          `arn:aws:glue:${A}:database/*`,
          `arn:aws:glue:${A}:table/*`,
          `arn:aws:glue:${A}:userDefinedFunction/*`,
        ],
      ],
      [["lakeformation:GetDataAccess"], ["*"]],
    ],
    omitted: {
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
    },
  },
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
    integration: "elasticmapreduce:addStep",
    pattern: "sync",
    parameters: { ClusterId: "j-1A2B3C4D5E6F", Step: {} },
    aws: [
      [
        ["elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep", "elasticmapreduce:CancelSteps"],
        [`arn:aws:elasticmapreduce:${A}:cluster/j-1A2B3C4D5E6F`],
      ],
      rule("StepFunctionsGetEventForEMRAddJobFlowStepsRule"),
    ],
  },
  {
    integration: "elasticmapreduce:cancelStep",
    pattern: "request-response",
    parameters: { ClusterId: "j-1A2B3C4D5E6F", StepId: "s-1A2B3C" },
    aws: [[["elasticmapreduce:CancelSteps"], [`arn:aws:elasticmapreduce:${A}:cluster/j-1A2B3C4D5E6F`]]],
  },
  {
    integration: "elasticmapreduce:createCluster",
    pattern: "sync",
    parameters: {
      Name: "nightly",
      ReleaseLabel: "emr-7.1.0",
      ServiceRole: "EMR_DefaultRole",
      JobFlowRole: "EMR_EC2_DefaultRole",
      Instances: {},
    },
    aws: [
      [["elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"], ["*"]],
      // One entry per role the definition names.
      [["iam:PassRole"], [`arn:aws:iam::${ACCOUNT}:role/EMR_DefaultRole`, `arn:aws:iam::${ACCOUNT}:role/EMR_EC2_DefaultRole`]],
      rule("StepFunctionsGetEventForEMRRunJobFlowRule"),
    ],
  },
  {
    integration: "elasticmapreduce:terminateCluster",
    pattern: "sync",
    parameters: { ClusterId: "j-1A2B3C4D5E6F" },
    aws: [
      [
        ["elasticmapreduce:TerminateJobFlows", "elasticmapreduce:DescribeCluster"],
        [`arn:aws:elasticmapreduce:${A}:cluster/j-1A2B3C4D5E6F`],
      ],
      rule("StepFunctionsGetEventForEMRTerminateJobFlowsRule"),
    ],
  },
  {
    integration: "elasticmapreduce:setClusterTerminationProtection",
    pattern: "request-response",
    parameters: { ClusterId: "j-1A2B3C4D5E6F", TerminationProtected: true },
    aws: [[["elasticmapreduce:SetTerminationProtection"], [`arn:aws:elasticmapreduce:${A}:cluster/j-1A2B3C4D5E6F`]]],
  },
  {
    integration: "elasticmapreduce:modifyInstanceFleetByName",
    pattern: "request-response",
    parameters: { ClusterId: "j-1A2B3C4D5E6F", InstanceFleetName: "core", InstanceFleet: {} },
    aws: [
      [
        ["elasticmapreduce:ModifyInstanceFleet", "elasticmapreduce:ListInstanceFleets"],
        [`arn:aws:elasticmapreduce:${A}:cluster/j-1A2B3C4D5E6F`],
      ],
    ],
  },
  {
    integration: "elasticmapreduce:modifyInstanceGroupByName",
    pattern: "request-response",
    parameters: { ClusterId: "j-1A2B3C4D5E6F", InstanceGroupName: "core", InstanceGroup: {} },
    aws: [
      [
        ["elasticmapreduce:ModifyInstanceGroups", "elasticmapreduce:ListInstanceGroups"],
        [`arn:aws:elasticmapreduce:${A}:cluster/j-1A2B3C4D5E6F`],
      ],
    ],
  },
  {
    integration: "emr-containers:deleteVirtualCluster",
    pattern: "sync",
    parameters: { Id: "abcdefghijklmnopqrstuvwxy" },
    aws: [
      [
        ["emr-containers:DeleteVirtualCluster", "emr-containers:DescribeVirtualCluster"],
        [`arn:aws:emr-containers:${A}:/virtualclusters/abcdefghijklmnopqrstuvwxy`],
      ],
    ],
  },
  {
    integration: "emr-containers:startJobRun",
    pattern: "sync",
    parameters: {
      VirtualClusterId: "abcdefghijklmnopqrstuvwxy",
      ExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/spark-jobs`,
      ReleaseLabel: "emr-6.15.0-latest",
      JobDriver: {},
    },
    aws: [
      [["emr-containers:StartJobRun"], [`arn:aws:emr-containers:${A}:/virtualclusters/abcdefghijklmnopqrstuvwxy`]],
      [
        ["emr-containers:DescribeJobRun", "emr-containers:CancelJobRun"],
        [`arn:aws:emr-containers:${A}:/virtualclusters/abcdefghijklmnopqrstuvwxy/jobruns/*`],
      ],
    ],
  },
  {
    integration: "eks:createCluster",
    pattern: "sync",
    parameters: { Name: "orders", RoleArn: `arn:aws:iam::${ACCOUNT}:role/eks-service`, ResourcesVpcConfig: {} },
    aws: [
      [["eks:CreateCluster"], ["*"]],
      [["eks:DescribeCluster", "eks:DeleteCluster"], [`arn:aws:eks:${A}:cluster/*`]],
      [["iam:PassRole"], [`arn:aws:iam::${ACCOUNT}:role/eks-service`]],
    ],
  },
  {
    integration: "eks:deleteCluster",
    pattern: "sync",
    parameters: { Name: "orders" },
    aws: [[["eks:DeleteCluster", "eks:DescribeCluster"], [`arn:aws:eks:${A}:cluster/orders`]]],
  },
  {
    integration: "eks:createNodegroup",
    pattern: "sync",
    parameters: { ClusterName: "orders", NodegroupName: "workers", NodeRole: `arn:aws:iam::${ACCOUNT}:role/eks-nodes`, Subnets: [] },
    aws: [
      [["ec2:DescribeSubnets", "eks:CreateNodegroup"], ["*"]],
      [["eks:DescribeNodegroup", "eks:DeleteNodegroup"], [`arn:aws:eks:${A}:nodegroup/*`]],
      [["iam:GetRole", "iam:ListAttachedRolePolicies"], [`arn:aws:iam::${ACCOUNT}:role/*`]],
      [["iam:PassRole"], [`arn:aws:iam::${ACCOUNT}:role/eks-nodes`]],
    ],
  },
  {
    integration: "eks:deleteNodegroup",
    pattern: "sync",
    parameters: { ClusterName: "orders", NodegroupName: "workers" },
    aws: [[["eks:DeleteNodegroup", "eks:DescribeNodegroup"], [`arn:aws:eks:${A}:nodegroup/orders/workers/*`]]],
  },
  {
    integration: "emr-containers:createVirtualCluster",
    pattern: "request-response",
    parameters: { Name: "vc", ContainerProvider: {} },
    aws: [
      [["emr-containers:CreateVirtualCluster"], ["*"]],
      [
        ["iam:CreateServiceLinkedRole"],
        [`arn:aws:iam::${ACCOUNT}:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers`],
      ],
    ],
  },
  {
    integration: "emr-serverless:createApplication",
    pattern: "sync",
    parameters: { Name: "spark", ReleaseLabel: "emr-7.1.0", Type: "SPARK" },
    aws: [
      [["emr-serverless:CreateApplication"], [`arn:aws:emr-serverless:${A}:/*`]],
      [["emr-serverless:GetApplication", "emr-serverless:DeleteApplication"], [`arn:aws:emr-serverless:${A}:/applications/*`]],
      rule("StepFunctionsGetEventsForEMRServerlessApplicationRule"),
      [
        ["iam:CreateServiceLinkedRole"],
        [`arn:aws:iam::${ACCOUNT}:role/aws-service-role/ops.emr-serverless.amazonaws.com/AWSServiceRoleForAmazonEMRServerless`],
      ],
    ],
    added: {
      "emr-serverless:CreateApplication":
        'on "*", not AWS\'s ".../*": IAM gives CreateApplication no resource type, so only "*" matches it (checked in iamData.test.ts)',
    },
  },
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
