/** Lambda, SQS, SNS, EventBridge, API Gateway, HTTP endpoints and Step Functions. */
import { allow, managedRule, type IntegrationCase } from "./helpers";

export const MESSAGING_CASES: readonly IntegrationCase[] = [
  {
    integration: "lambda:invoke",
    args: { FunctionName: "my-fn", Payload: { orderId: "42" } },
    callbackArgs: { FunctionName: "my-fn", Payload: { orderId: "42", "token.$": "$$.Task.Token" } },
    patterns: ["request-response", "callback"],
    statements: [
      allow(
        ["lambda:InvokeFunction"],
        ["arn:aws:lambda:us-east-1:123456789012:function:my-fn", "arn:aws:lambda:us-east-1:123456789012:function:my-fn:*"],
      ),
    ],
  },
  {
    integration: "sqs:sendMessage",
    args: { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders", MessageBody: "order placed" },
    callbackArgs: {
      QueueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders",
      MessageBody: { "token.$": "$$.Task.Token", "order.$": "$.order" },
    },
    patterns: ["request-response", "callback"],
    statements: [allow(["sqs:SendMessage"], ["arn:aws:sqs:eu-west-1:111122223333:orders"])],
    // The queue's key, if it has a customer managed one, is not in the definition.
    warnings: ["kms-key-unknown"],
  },
  {
    integration: "sns:publish",
    args: { TopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", Message: "disk full" },
    callbackArgs: { TopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", Message: { "token.$": "$$.Task.Token" } },
    patterns: ["request-response", "callback"],
    statements: [allow(["sns:Publish"], ["arn:aws:sns:us-east-1:123456789012:alerts"])],
    warnings: ["kms-key-unknown"],
  },
  {
    integration: "events:putEvents",
    args: { Entries: [{ EventBusName: "orders-bus", Source: "shop.orders", DetailType: "OrderPlaced", Detail: { orderId: "42" } }] },
    callbackArgs: {
      Entries: [{ EventBusName: "orders-bus", Source: "shop.orders", DetailType: "OrderPlaced", Detail: { "token.$": "$$.Task.Token" } }],
    },
    patterns: ["request-response", "callback"],
    statements: [allow(["events:PutEvents"], ["arn:aws:events:us-east-1:123456789012:event-bus/orders-bus"])],
  },
  {
    integration: "apigateway:invoke",
    args: {
      ApiEndpoint: "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
      Method: "POST",
      Stage: "prod",
      Path: "/orders",
      AuthType: "IAM_ROLE",
    },
    patterns: ["request-response", "callback"],
    statements: [allow(["execute-api:Invoke"], ["arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/POST/orders"])],
  },
  {
    integration: "http:invoke",
    args: {
      ApiEndpoint: "https://api.example.com/v1/orders",
      Method: "POST",
      Authentication: {
        ConnectionArn: "arn:aws:events:us-east-1:123456789012:connection/example-api/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
      },
    },
    patterns: ["request-response"],
    statements: [
      allow(["states:InvokeHTTPEndpoint"], ["*"], {
        StringLike: { "states:HTTPEndpoint": "https://api.example.com/v1/orders*" },
        StringEquals: { "states:HTTPMethod": "POST" },
      }),
      allow(
        ["events:RetrieveConnectionCredentials"],
        ["arn:aws:events:us-east-1:123456789012:connection/example-api/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"],
      ),
      allow(
        ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
        ["arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/*"],
      ),
    ],
  },
  {
    integration: "states:startExecution",
    args: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:child", Input: { orderId: "42" } },
    callbackArgs: {
      StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:child",
      Input: { orderId: "42", "TaskToken.$": "$$.Task.Token" },
    },
    patterns: ["request-response", "sync", "sync:2", "callback"],
    statements: [allow(["states:StartExecution"], ["arn:aws:states:us-east-1:123456789012:stateMachine:child"])],
    syncAdds: [
      allow(["states:DescribeExecution", "states:StopExecution"], ["arn:aws:states:us-east-1:123456789012:execution:child:*"]),
      managedRule("arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"),
    ],
  },
];
