/** Definitions the graph tests share: nested machines of every kind, and names the formats treat specially. */
import fc from "fast-check";

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

/** One state of a random machine: its kind, where its transitions go (indices, wrapped), its nested machines. */
export interface PlannedState {
  kind: "Pass" | "Task" | "Choice" | "Parallel" | "Map";
  next: number | null;
  catchTo: number | null;
  inner: PlannedState[][];
}

/**
 * A random machine's shape: 1-4 states, Parallels (1-2 branches) and Maps nested `depth` deep, Next
 * forward or End, Choice and Catch to any state of the same machine (loops included).
 */
export function plannedMachine(depth: number): fc.Arbitrary<PlannedState[]> {
  const kinds = depth > 0 ? (["Pass", "Task", "Choice", "Parallel", "Map"] as const) : (["Pass", "Task", "Choice"] as const);
  const state = fc.record({
    kind: fc.constantFrom(...kinds),
    next: fc.option(fc.nat({ max: 9 }), { nil: null }),
    catchTo: fc.option(fc.nat({ max: 9 }), { nil: null }),
    inner: depth > 0 ? fc.array(plannedMachine(depth - 1), { minLength: 1, maxLength: 2 }) : fc.constant<PlannedState[][]>([]),
  });
  return fc.array(state, { minLength: 1, maxLength: 4 });
}

/** The definition a planned machine stands for; state names carry their path, so they are unique. */
export function machineOf(plan: PlannedState[], prefix = "s"): { StartAt: string; States: Record<string, unknown> } {
  const names = plan.map((_, i) => `${prefix}${i}`);
  const any = (index: number) => names[index % names.length];
  const states = plan.map((state, i) => {
    const later = names.slice(i + 1);
    const next = state.next !== null && later.length ? { Next: later[state.next % later.length] } : { End: true };
    const catches = state.catchTo !== null ? { Catch: [{ ErrorEquals: ["States.ALL"], Next: any(state.catchTo) }] } : {};
    const name = names[i];
    switch (state.kind) {
      case "Choice":
        return [
          name,
          {
            Type: "Choice",
            Choices: [{ Variable: "$.go", IsPresent: true, Next: any(state.next ?? i) }],
            Default: any(state.catchTo ?? i),
          },
        ];
      case "Task":
        return [
          name,
          {
            Type: "Task",
            Resource: "arn:aws:states:::lambda:invoke",
            Parameters: { FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:work" },
            ...(state.next !== null && state.next % 2 ? { Retry: [{ ErrorEquals: ["States.TaskFailed"], MaxAttempts: 2 }] } : {}),
            ...next,
            ...catches,
          },
        ];
      case "Parallel":
        return [
          name,
          { Type: "Parallel", Branches: state.inner.map((machine, b) => machineOf(machine, `${name}.b${b}.`)), ...next, ...catches },
        ];
      case "Map":
        return [
          name,
          {
            Type: "Map",
            ItemProcessor: { ProcessorConfig: { Mode: "INLINE" }, ...machineOf(state.inner[0], `${name}.m.`) },
            ...next,
            ...catches,
          },
        ];
      default:
        return [name, { Type: "Pass", ...next }];
    }
  });
  return { StartAt: names[0], States: Object.fromEntries(states) };
}
