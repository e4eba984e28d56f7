/** Definitions the graph tests share: nested machines of every kind, and names the formats treat specially. */

/** Parallel > branch > Map > item processor, a callback task, and a Distributed Map with reader and writer. */
export const NESTED = {
  StartAt: "Fan out",
  States: {
    "Fan out": {
      Type: "Parallel",
      Branches: [
        {
          StartAt: "Each order",
          States: {
            "Each order": {
              Type: "Map",
              ItemsPath: "$.orders",
              MaxConcurrency: 2,
              ItemProcessor: {
                ProcessorConfig: { Mode: "INLINE" },
                StartAt: "Charge",
                States: {
                  Charge: {
                    Type: "Task",
                    Resource: "arn:aws:states:::lambda:invoke",
                    Parameters: { FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:charge", "Payload.$": "$" },
                    Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"], MaxAttempts: 5 }],
                    End: true,
                  },
                },
              },
              End: true,
            },
          },
        },
        {
          StartAt: "Ask",
          States: {
            Ask: {
              Type: "Task",
              Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              Parameters: { QueueUrl: "${callbacks.approvers.queueUrl}", MessageBody: { "token.$": "$$.Task.Token" } },
              HeartbeatSeconds: 60,
              TimeoutSeconds: 3600,
              End: true,
            },
          },
        },
      ],
      Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }],
      Next: "Export",
    },
    Export: {
      Type: "Map",
      ItemReader: {
        Resource: "arn:aws:states:::s3:getObject",
        ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" },
        Parameters: { Bucket: "orders-in", Key: "today.csv" },
      },
      ItemProcessor: {
        ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
        StartAt: "Archive",
        States: {
          Archive: {
            Type: "Task",
            Resource: "arn:aws:states:::glue:startJobRun.sync",
            Parameters: { JobName: "archive" },
            Next: "Big?",
          },
          "Big?": {
            Type: "Choice",
            Choices: [
              {
                And: [
                  { Variable: "$.size", IsPresent: true },
                  { Variable: "$.size", NumericGreaterThan: 10 },
                ],
                Next: "Split",
              },
              { Variable: "$.kind", StringEqualsPath: "$.expected", Next: "Split" },
            ],
            Default: "Done",
          },
          Split: { Type: "Pass", Next: "Done" },
          Done: { Type: "Succeed" },
        },
      },
      ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "orders-out", Prefix: "results" } },
      Next: "Child",
    },
    Child: {
      Type: "Task",
      Resource: "arn:aws:states:::states:startExecution.sync:2",
      Parameters: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:child", "Input.$": "$" },
      End: true,
    },
    Failed: { Type: "Fail", Error: "Broken" },
  },
};

/** A state name with every character the formats treat specially. */
export const HOSTILE = `Say "hi" <b>&amp; [x] {y} |z| #1; \`q\` \\ ü 日本 🚀`;
export const hostile = {
  StartAt: HOSTILE,
  States: {
    [HOSTILE]: {
      Type: "Choice",
      Choices: [{ Variable: "$.a", StringEquals: 'x"<y>&', Next: "End" }],
      Default: "End",
    },
    End: { Type: "Succeed" },
  },
};
