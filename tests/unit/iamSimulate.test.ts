/**
 * The derived statements under a policy evaluator (@cloud-copilot/iam-simulate, test-only):
 * each representative workflow's role may do exactly what its task needs, on exactly its
 * resources, and nothing next to them.
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import type { PolicyStatement } from "../../provider/src/model/types";
import { ACCOUNT, REGION, taskDefinition } from "./integration-cases";
import { type Check, decide } from "../support/simulate";

const OPTIONS = { region: REGION, account: ACCOUNT, stateMachineName: "orders-flow" } as const;

interface Workflow {
  name: string;
  resource: string;
  parameters: Record<string, unknown>;
  allowed: Check[];
  denied: Check[];
}

const WORKFLOWS: Workflow[] = [
  {
    name: "SQS callback",
    resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    parameters: {
      QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/approvals",
      MessageBody: { "token.$": "$$.Task.Token", "order.$": "$.order" },
    },
    allowed: [["sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:approvals"]],
    denied: [
      ["sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:approvals-dlq"],
      ["sqs:SendMessage", "arn:aws:sqs:eu-west-1:123456789012:approvals"],
      ["sqs:SendMessage", "arn:aws:sqs:us-east-1:999999999999:approvals"],
      ["sqs:DeleteMessage", "arn:aws:sqs:us-east-1:123456789012:approvals"],
      ["sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:123456789012:approvals"],
      ["sqs:PurgeQueue", "arn:aws:sqs:us-east-1:123456789012:approvals"],
    ],
  },
  {
    name: "Lambda invoke",
    resource: "arn:aws:states:::lambda:invoke",
    parameters: { FunctionName: "price-quote", "Payload.$": "$" },
    allowed: [
      ["lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:price-quote"],
      ["lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:price-quote:live"],
      ["lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:price-quote:7"],
    ],
    denied: [
      ["lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:price-quote-admin"],
      ["lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:refund"],
      ["lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:123456789012:function:price-quote"],
      ["lambda:InvokeFunction", "arn:aws:lambda:us-east-1:999999999999:function:price-quote"],
      ["lambda:UpdateFunctionCode", "arn:aws:lambda:us-east-1:123456789012:function:price-quote"],
      ["lambda:GetFunction", "arn:aws:lambda:us-east-1:123456789012:function:price-quote"],
    ],
  },
  {
    name: "DynamoDB putItem",
    resource: "arn:aws:states:::dynamodb:putItem",
    parameters: { TableName: "orders", Item: { pk: { "S.$": "$.id" } } },
    allowed: [["dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"]],
    denied: [
      ["dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/orders-archive"],
      ["dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"],
      ["dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:999999999999:table/orders"],
      ["dynamodb:DeleteItem", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"],
      ["dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"],
      ["dynamodb:Query", "arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/by-customer"],
    ],
  },
  {
    name: "ECS runTask.sync",
    resource: "arn:aws:states:::ecs:runTask.sync",
    parameters: {
      Cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main",
      TaskDefinition: "billing:3",
      LaunchType: "FARGATE",
      Overrides: {
        TaskRoleArn: "arn:aws:iam::123456789012:role/billing-task",
        ExecutionRoleArn: "arn:aws:iam::123456789012:role/billing-exec",
      },
    },
    allowed: [
      ["ecs:RunTask", "arn:aws:ecs:us-east-1:123456789012:task-definition/billing:3"],
      ["ecs:DescribeTasks", "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef0123456789abcdef"],
      ["ecs:StopTask", "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef0123456789abcdef"],
      ["iam:PassRole", "arn:aws:iam::123456789012:role/billing-task", { "iam:PassedToService": "ecs-tasks.amazonaws.com" }],
      ["iam:PassRole", "arn:aws:iam::123456789012:role/billing-exec", { "iam:PassedToService": "ecs-tasks.amazonaws.com" }],
      ["events:PutRule", "arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule"],
      ["events:PutTargets", "arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule"],
      ["events:DescribeRule", "arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule"],
    ],
    denied: [
      ["ecs:RunTask", "arn:aws:ecs:us-east-1:123456789012:task-definition/billing:4"],
      ["ecs:RunTask", "arn:aws:ecs:us-east-1:123456789012:task-definition/payroll:3"],
      ["iam:PassRole", "arn:aws:iam::123456789012:role/billing-task", { "iam:PassedToService": "ec2.amazonaws.com" }],
      ["iam:PassRole", "arn:aws:iam::123456789012:role/admin", { "iam:PassedToService": "ecs-tasks.amazonaws.com" }],
      ["events:PutRule", "arn:aws:events:us-east-1:123456789012:rule/nightly-cleanup"],
      ["events:PutTargets", "arn:aws:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule"],
      ["events:DeleteRule", "arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule"],
      ["ecs:DeleteCluster", "arn:aws:ecs:us-east-1:123456789012:cluster/main"],
    ],
  },
  {
    name: "states:startExecution.sync",
    resource: "arn:aws:states:::states:startExecution.sync",
    parameters: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:child", "Input.$": "$" },
    allowed: [
      ["states:StartExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:child"],
      ["states:DescribeExecution", "arn:aws:states:us-east-1:123456789012:execution:child:run-1"],
      ["states:StopExecution", "arn:aws:states:us-east-1:123456789012:execution:child:run-1"],
      ["events:PutRule", "arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"],
    ],
    denied: [
      ["states:StartSyncExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:child"],
      ["states:StartExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:child-admin"],
      ["states:StartExecution", "arn:aws:states:us-east-1:999999999999:stateMachine:child"],
      ["states:DescribeExecution", "arn:aws:states:us-east-1:123456789012:execution:other:run-1"],
      ["states:StopExecution", "arn:aws:states:us-east-1:123456789012:execution:child-admin:run-1"],
      ["states:DeleteStateMachine", "arn:aws:states:us-east-1:123456789012:stateMachine:child"],
      ["events:PutRule", "arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule"],
    ],
  },
  {
    name: "EventBridge putEvents",
    resource: "arn:aws:states:::events:putEvents",
    parameters: { Entries: [{ EventBusName: "orders-bus", Source: "shop.orders", DetailType: "OrderPlaced", "Detail.$": "$" }] },
    allowed: [["events:PutEvents", "arn:aws:events:us-east-1:123456789012:event-bus/orders-bus"]],
    denied: [
      ["events:PutEvents", "arn:aws:events:us-east-1:123456789012:event-bus/default"],
      ["events:PutEvents", "arn:aws:events:us-east-1:123456789012:event-bus/orders-bus-archive"],
      ["events:PutEvents", "arn:aws:events:eu-west-1:123456789012:event-bus/orders-bus"],
      ["events:PutEvents", "arn:aws:events:us-east-1:999999999999:event-bus/orders-bus"],
      ["events:PutRule", "arn:aws:events:us-east-1:123456789012:rule/orders-bus/forward"],
    ],
  },
  {
    name: "ECS runTask with tags",
    resource: "arn:aws:states:::ecs:runTask",
    parameters: {
      TaskDefinition: "billing:3",
      Tags: [
        { Key: "team", Value: "billing" },
        { Key: "cost-center", Value: "42" },
      ],
    },
    allowed: [
      [
        "ecs:TagResource",
        "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef",
        { "ecs:CreateAction": "RunTask", "aws:TagKeys": ["team", "cost-center"] },
      ],
      [
        "ecs:TagResource",
        "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef",
        { "ecs:CreateAction": "RunTask", "aws:TagKeys": ["team"] },
      ],
    ],
    denied: [
      // Tagging an existing task later, another tag key, another resource type.
      ["ecs:TagResource", "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef", { "aws:TagKeys": ["team"] }],
      [
        "ecs:TagResource",
        "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef",
        { "ecs:CreateAction": "RunTask", "aws:TagKeys": ["owner"] },
      ],
      ["ecs:TagResource", "arn:aws:ecs:us-east-1:123456789012:cluster/main", { "ecs:CreateAction": "RunTask", "aws:TagKeys": ["team"] }],
      ["ecs:UntagResource", "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef"],
    ],
  },
  {
    // ECS tags the task with the task definition's tags (PropagateTags) and its aws:ecs:* managed tags,
    // keys the definition cannot list: only the creating action bounds it (tests/unit/tagOnCreate.test.ts).
    name: "ECS runTask propagating tags",
    resource: "arn:aws:states:::ecs:runTask",
    parameters: { TaskDefinition: "billing:3", PropagateTags: "TASK_DEFINITION", EnableECSManagedTags: true },
    allowed: [
      [
        "ecs:TagResource",
        "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef",
        { "ecs:CreateAction": "RunTask", "aws:TagKeys": ["team", "aws:ecs:clusterName"] },
      ],
    ],
    denied: [
      // Tagging an existing task later, a task started otherwise, another resource type.
      ["ecs:TagResource", "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef", { "aws:TagKeys": ["team"] }],
      ["ecs:TagResource", "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef", { "ecs:CreateAction": "StartTask" }],
      ["ecs:TagResource", "arn:aws:ecs:us-east-1:123456789012:service/main/web", { "ecs:CreateAction": "RunTask" }],
    ],
  },
  {
    // Batch checks batch:TagResource on the job definition a tagged SubmitJob names (tests/unit/tagOnCreate.test.ts).
    name: "Batch submitJob with tags",
    resource: "arn:aws:states:::batch:submitJob",
    parameters: { JobName: "nightly", JobDefinition: "report:4", JobQueue: "reports", Tags: { team: "data" } },
    allowed: [
      ["batch:TagResource", "arn:aws:batch:us-east-1:123456789012:job-definition/report:4", { "aws:TagKeys": ["team"] }],
      ["batch:TagResource", "arn:aws:batch:us-east-1:123456789012:job/0f1e2d3c", { "aws:TagKeys": ["team"] }],
      ["batch:TagResource", "arn:aws:batch:us-east-1:123456789012:job-queue/reports", { "aws:TagKeys": ["team"] }],
    ],
    denied: [
      ["batch:TagResource", "arn:aws:batch:us-east-1:123456789012:job-definition/report:5", { "aws:TagKeys": ["team"] }],
      ["batch:TagResource", "arn:aws:batch:us-east-1:123456789012:job-definition/report:4", { "aws:TagKeys": ["owner"] }],
      ["batch:TagResource", "arn:aws:batch:us-east-1:123456789012:job-queue/adhoc", { "aws:TagKeys": ["team"] }],
      ["batch:UntagResource", "arn:aws:batch:us-east-1:123456789012:job/0f1e2d3c"],
    ],
  },
  {
    // SageMaker's tag-on-create: AddTags limited to the creating call by sagemaker:TaggingAction.
    name: "SageMaker training job with tags",
    resource: "arn:aws:states:::sagemaker:createTrainingJob",
    parameters: {
      TrainingJobName: "churn",
      RoleArn: "arn:aws:iam::123456789012:role/sagemaker-training",
      AlgorithmSpecification: { TrainingImage: "img", TrainingInputMode: "File" },
      Tags: [{ Key: "team", Value: "data" }],
    },
    allowed: [
      [
        "sagemaker:AddTags",
        "arn:aws:sagemaker:us-east-1:123456789012:training-job/churn",
        { "sagemaker:TaggingAction": "CreateTrainingJob", "aws:TagKeys": ["team"] },
      ],
    ],
    denied: [
      // Tagging the job later, from another creating call, another resource type, another key.
      ["sagemaker:AddTags", "arn:aws:sagemaker:us-east-1:123456789012:training-job/churn", { "aws:TagKeys": ["team"] }],
      [
        "sagemaker:AddTags",
        "arn:aws:sagemaker:us-east-1:123456789012:training-job/churn",
        { "sagemaker:TaggingAction": "CreateModel", "aws:TagKeys": ["team"] },
      ],
      [
        "sagemaker:AddTags",
        "arn:aws:sagemaker:us-east-1:123456789012:model/churn",
        { "sagemaker:TaggingAction": "CreateTrainingJob", "aws:TagKeys": ["team"] },
      ],
      [
        "sagemaker:AddTags",
        "arn:aws:sagemaker:us-east-1:123456789012:training-job/churn",
        { "sagemaker:TaggingAction": "CreateTrainingJob", "aws:TagKeys": ["owner"] },
      ],
    ],
  },
  {
    name: "SageMaker training job: the role it is handed",
    resource: "arn:aws:states:::sagemaker:createTrainingJob.sync",
    parameters: {
      TrainingJobName: "churn",
      RoleArn: "arn:aws:iam::123456789012:role/sagemaker-training",
      AlgorithmSpecification: { TrainingImage: "img", TrainingInputMode: "File" },
      OutputDataConfig: { S3OutputPath: "s3://models/churn/" },
    },
    allowed: [
      ["sagemaker:CreateTrainingJob", "arn:aws:sagemaker:us-east-1:123456789012:training-job/churn"],
      ["iam:PassRole", "arn:aws:iam::123456789012:role/sagemaker-training", { "iam:PassedToService": "sagemaker.amazonaws.com" }],
    ],
    denied: [
      ["iam:PassRole", "arn:aws:iam::123456789012:role/sagemaker-training", { "iam:PassedToService": "ec2.amazonaws.com" }],
      ["iam:PassRole", "arn:aws:iam::123456789012:role/admin", { "iam:PassedToService": "sagemaker.amazonaws.com" }],
      ["sagemaker:AddTags", "arn:aws:sagemaker:us-east-1:123456789012:training-job/churn"],
      // SageMaker writes the model with the role it is handed, not with the execution role.
      ["s3:PutObject", "arn:aws:s3:::models/churn/model.tar.gz"],
    ],
  },
  {
    name: "Bedrock invokeModel reading and writing S3",
    resource: "arn:aws:states:::bedrock:invokeModel",
    parameters: {
      ModelId: "amazon.titan-text-express-v1",
      Input: { S3Uri: "s3://prompts/2024/prompt.json" },
      Output: { S3Uri: "s3://answers/2024/answer.json" },
    },
    allowed: [
      ["s3:GetObject", "arn:aws:s3:::prompts/2024/prompt.json"],
      ["s3:PutObject", "arn:aws:s3:::answers/2024/answer.json"],
      ["bedrock:InvokeModel", "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"],
    ],
    denied: [
      ["s3:GetObject", "arn:aws:s3:::prompts/2024/other.json"],
      ["s3:PutObject", "arn:aws:s3:::prompts/2024/prompt.json"],
      ["s3:GetObject", "arn:aws:s3:::answers/2024/answer.json"],
      ["s3:PutObject", "arn:aws:s3:::answers/2024/answer.json.bak"],
      ["s3:DeleteObject", "arn:aws:s3:::answers/2024/answer.json"],
      ["s3:ListBucket", "arn:aws:s3:::prompts"],
    ],
  },
  {
    name: "Athena query results under a prefix",
    resource: "arn:aws:states:::athena:startQueryExecution.sync",
    parameters: { QueryString: "SELECT 1", WorkGroup: "analytics", ResultConfiguration: { OutputLocation: "s3://query-results/athena/" } },
    allowed: [
      ["s3:PutObject", "arn:aws:s3:::query-results/athena/0f1e2d3c.csv"],
      ["s3:GetObject", "arn:aws:s3:::query-results/athena/0f1e2d3c.csv"],
      ["s3:ListBucket", "arn:aws:s3:::query-results"],
    ],
    denied: [
      ["s3:PutObject", "arn:aws:s3:::query-results/other/0f1e2d3c.csv"],
      ["s3:PutObject", "arn:aws:s3:::query-results-archive/athena/0f1e2d3c.csv"],
      ["s3:ListBucket", "arn:aws:s3:::query-results-archive"],
      ["s3:DeleteObject", "arn:aws:s3:::query-results/athena/0f1e2d3c.csv"],
    ],
  },
];

describe("derived statements under iam-simulate", () => {
  it("the harness itself: same account needs only the identity policy; another account is decided by it", async () => {
    const statements: PolicyStatement[] = [
      { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: ["arn:aws:sqs:us-east-1:999999999999:shared"] },
    ];
    assert.deepEqual(
      await Promise.all([
        decide(statements, ["sqs:SendMessage", "arn:aws:sqs:us-east-1:999999999999:shared"]),
        decide(statements, ["sqs:SendMessage", "arn:aws:sqs:us-east-1:999999999999:other"]),
        decide([], ["sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:orders"]),
      ]),
      ["Allowed", "ImplicitlyDenied", "ImplicitlyDenied"],
    );
  });

  for (const workflow of WORKFLOWS) {
    describe(workflow.name, () => {
      const analysis = analyze(taskDefinition(workflow.resource, workflow.parameters), OPTIONS);
      const label = ([action, resource, context]: Check) => `${action} on ${resource}${context ? ` ${JSON.stringify(context)}` : ""}`;

      it("analyses cleanly", () => {
        assert.deepEqual(analysis.errors, []);
      });

      for (const check of workflow.allowed) {
        it(`allows ${label(check)}`, async () => {
          assert.equal(await decide(analysis.statements, check), "Allowed");
        });
      }
      for (const check of workflow.denied) {
        it(`denies ${label(check)}`, async () => {
          assert.equal(await decide(analysis.statements, check), "ImplicitlyDenied");
        });
      }
    });
  }
});
