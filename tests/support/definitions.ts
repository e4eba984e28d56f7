/** Definitions the component tests share. */

export const SNS_TOPIC = "arn:aws:sns:us-east-1:123456789012:ops";

/** The order-approval example: one SQS callback task with heartbeats. */
export function approvalDefinition(): Record<string, unknown> {
  return {
    StartAt: "Ask",
    States: {
      Ask: {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Parameters: { QueueUrl: "${callbacks.reviewers.queueUrl}", MessageBody: { "token.$": "$$.Task.Token", "order.$": "$" } },
        HeartbeatSeconds: 300,
        TimeoutSeconds: 86400,
        End: true,
      },
    },
  };
}

/** An EXPRESS-friendly definition: request-response only. */
export function quoteDefinition(): Record<string, unknown> {
  return {
    StartAt: "Price",
    TimeoutSeconds: 20,
    States: {
      Price: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Parameters: { FunctionName: "pricing", "Payload.$": "$" },
        Next: "Save",
      },
      Save: {
        Type: "Task",
        Resource: "arn:aws:states:::dynamodb:putItem",
        Parameters: { TableName: "${QuotesTable}", Item: { id: { "S.$": "$.id" } } },
        End: true,
      },
    },
  };
}
