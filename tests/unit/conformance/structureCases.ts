/**
 * The structural contract's cases: for each rule, a valid definition and a single-fault one, with
 * the sentence of the specification it enforces. Used by the conformance test and, as a corpus of
 * definitions, by the graph renderers' parser tests.
 */
import type { QuoteId } from "../../../provider/src/analysis/contract/quotes";

type State = Record<string, unknown>;
const machine = (states: Record<string, State>, extra: State = {}) => ({ StartAt: Object.keys(states)[0], States: states, ...extra });
const lambda = (fields: State = {}): State => ({
  Type: "Task",
  Resource: "arn:aws:states:::lambda:invoke",
  Parameters: { FunctionName: "f" },
  End: true,
  ...fields,
});
const map = (fields: State = {}): State => ({
  Type: "Map",
  ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, ...machine({ Do: { Type: "Pass", End: true } }) },
  End: true,
  ...fields,
});
const choice = (rule: State): Record<string, State> => ({
  C: { Type: "Choice", Choices: [{ ...rule, Next: "D" }], Default: "D" },
  D: { Type: "Succeed" },
});

export interface Case {
  rule: string;
  quote: QuoteId;
  valid: unknown;
  invalid: unknown;
  message: RegExp;
}

export const CASES: Case[] = [
  {
    rule: "asl-schema",
    quote: "intervalSeconds",
    valid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], IntervalSeconds: 1 }] }) }),
    invalid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], IntervalSeconds: 0 }] }) }),
    message: /IntervalSeconds: 0 is not an integer from 1/,
  },
  {
    rule: "asl-schema",
    quote: "intervalSeconds",
    valid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], IntervalSeconds: 2 }] }) }),
    invalid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], IntervalSeconds: 1.5 }] }) }),
    message: /IntervalSeconds: 1\.5 is not an integer/,
  },
  {
    rule: "asl-schema",
    quote: "backoffRate",
    valid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], BackoffRate: 1 }] }) }),
    invalid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], BackoffRate: 0.5 }] }) }),
    message: /BackoffRate: 0\.5 is not a number of at least 1/,
  },
  {
    rule: "asl-schema",
    quote: "maxDelayMaximum",
    valid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], MaxDelaySeconds: 1 }] }) }),
    invalid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], MaxDelaySeconds: 0 }] }) }),
    message: /MaxDelaySeconds: 0 is not an integer from 1 to 31622400/,
  },
  {
    rule: "asl-schema",
    quote: "jitterStrategy",
    valid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], JitterStrategy: "NONE" }] }) }),
    invalid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], JitterStrategy: "RANDOM" }] }) }),
    message: /JitterStrategy: "RANDOM" is not one of "FULL", "NONE"/,
  },
  {
    rule: "asl-schema",
    quote: "errorEquals",
    valid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"] }] }) }),
    invalid: machine({ T: lambda({ Retry: [{ ErrorEquals: [] }] }) }),
    message: /ErrorEquals: \[\] is not a non-empty array/,
  },
  {
    rule: "asl-schema",
    quote: "retrierAll",
    valid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"] }, { ErrorEquals: ["States.ALL"] }] }) }),
    invalid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["States.ALL"] }, { ErrorEquals: ["E"] }] }) }),
    message: /"States\.ALL" must be in the last Retrier/,
  },
  {
    rule: "asl-schema",
    quote: "retrierAll",
    valid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["States.ALL"] }] }) }),
    invalid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["States.ALL", "E"] }] }) }),
    message: /"States\.ALL" must appear alone/,
  },
  {
    rule: "asl-schema",
    quote: "maxAttempts",
    valid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], MaxAttempts: 0 }] }) }),
    invalid: machine({ T: lambda({ Retry: [{ ErrorEquals: ["E"], MaxAttempt: 2 }] }) }),
    message: /unknown field "MaxAttempt" in a Retrier; did you mean "MaxAttempts"\?/,
  },
  {
    rule: "asl-schema",
    quote: "catcher",
    valid: machine({ T: lambda({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "F" }] }), F: { Type: "Fail" } }),
    invalid: machine({ T: lambda({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "F", Nxt: "F" }] }), F: { Type: "Fail" } }),
    message: /unknown field "Nxt" in a Catcher/,
  },
  {
    rule: "asl-schema",
    quote: "andOr",
    valid: machine(choice({ And: [{ Variable: "$.a", IsPresent: true }] })),
    invalid: machine(choice({ And: [{ Variable: "$.a", IsPresent: true, Next: "D" }] })),
    message: /inside And, Or or Not cannot have Next/,
  },
  {
    rule: "asl-schema",
    quote: "failPaths",
    valid: machine({ F: { Type: "Fail", ErrorPath: "$.error", CausePath: "States.Format('{}', $.cause)" } }),
    invalid: machine({ F: { Type: "Fail", CausePath: "States.MathAdd($.a, 1)" } }),
    message: /CausePath: .* is not a reference path or an intrinsic function that returns a string/,
  },
  {
    rule: "asl-schema",
    quote: "assign",
    valid: machine({ P: { Type: "Pass", Assign: { x: 1 }, End: true } }),
    invalid: machine({ P: { Type: "Pass", Assign: [1], End: true } }),
    message: /Assign: \[1\] is not a JSON object/,
  },
  {
    rule: "asl-schema",
    quote: "parameters",
    valid: machine({ P: { Type: "Pass", Parameters: { a: 1 }, End: true } }),
    invalid: machine({ P: { Type: "Pass", Parameters: "a", End: true } }),
    message: /Parameters: "a" is not a JSON object/,
  },
  {
    rule: "asl-schema",
    quote: "itemProcessor",
    valid: machine({ M: map() }),
    invalid: machine({ M: map({ ItemProcessor: { ...machine({ Do: { Type: "Pass", End: true } }), Extra: 1 } }) }),
    message: /ItemProcessor\.Extra: unknown field "Extra" in an item processor/,
  },
  {
    rule: "asl-schema",
    quote: "processorConfig",
    valid: machine({ M: map() }),
    invalid: machine({
      M: map({ ItemProcessor: { ProcessorConfig: { Mode: "INLINE", Mod: 1 }, ...machine({ Do: { Type: "Pass", End: true } }) } }),
    }),
    message: /ProcessorConfig\.Mod: unknown field "Mod" in ProcessorConfig; did you mean "Mode"\?/,
  },
  {
    rule: "asl-schema",
    quote: "branches",
    valid: machine({ P: { Type: "Parallel", Branches: [machine({ B: { Type: "Pass", End: true } })], End: true } }),
    invalid: machine({ P: { Type: "Parallel", Branches: [machine({ B: { Type: "Pass", End: true } }, { Extra: 1 })], End: true } }),
    message: /Extra: unknown field "Extra" in a Parallel branch/,
  },
  {
    rule: "asl-schema",
    quote: "writerConfig",
    valid: machine({ M: map({ ResultWriter: { WriterConfig: { OutputType: "JSON", Transformation: "FLATTEN" } } }) }),
    invalid: machine({ M: map({ ResultWriter: { WriterConfig: { OutputType: "CSV" } } }) }),
    message: /OutputType: "CSV" is not one of "JSON", "JSONL"/,
  },
  {
    rule: "asl-schema",
    quote: "batchInput",
    valid: machine({
      M: map({ QueryLanguage: "JSONata", ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: "{% $states.input.extra %}" } }),
    }),
    invalid: machine({ M: map({ QueryLanguage: "JSONata", ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: "{% $states.input. %}" } }) }),
    message: /BatchInput: .* is not a valid JSONata expression/,
  },
  {
    rule: "asl-structure",
    quote: "batchLimits",
    valid: machine({ M: map({ ItemBatcher: { MaxInputBytesPerBatch: 1024 } }) }),
    invalid: machine({ M: map({ ItemBatcher: {} }) }),
    message: /ItemBatcher needs at least one of/,
  },
  {
    rule: "asl-structure",
    quote: "resultWriterFields",
    valid: machine({ M: map({ ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "b", Prefix: "p" } } }) }),
    invalid: machine({ M: map({ ResultWriter: {} }) }),
    message: /ResultWriter needs at least one of "Resource", "WriterConfig"/,
  },
  {
    rule: "asl-structure",
    quote: "timeoutPaths",
    valid: machine({ T: lambda({ TimeoutSeconds: 10 }) }),
    invalid: machine({ T: lambda({ TimeoutSeconds: 10, TimeoutSecondsPath: "$.t" }) }),
    message: /at most one of "TimeoutSeconds", "TimeoutSecondsPath"/,
  },
  {
    rule: "asl-structure",
    quote: "waitFields",
    valid: machine({ W: { Type: "Wait", Seconds: 0, End: true } }),
    invalid: machine({ W: { Type: "Wait", Seconds: 1, Timestamp: "2026-01-01T00:00:00Z", End: true } }),
    message: /exactly one of "Seconds", "SecondsPath", "Timestamp", "TimestampPath" is allowed/,
  },
  {
    rule: "asl-structure",
    quote: "iteratorOrProcessor",
    valid: machine({ M: map() }),
    invalid: machine({ M: map({ Iterator: machine({ I: { Type: "Pass", End: true } }) }) }),
    message: /exactly one of "ItemProcessor", "Iterator"/,
  },
  {
    rule: "asl-structure",
    quote: "next",
    valid: machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Succeed" } }),
    invalid: machine({ A: { Type: "Pass", Next: "B", End: true }, B: { Type: "Succeed" } }),
    message: /exactly one of "Next", "End"/,
  },
  {
    rule: "asl-transition",
    quote: "catcher",
    valid: machine({ A: { Type: "Pass", Next: "B" }, B: lambda({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "A" }] }) }),
    invalid: machine({ A: { Type: "Pass", Next: "B" }, B: lambda({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "Nowhere" }] }) }),
    message: /Catch\[0\]\.Next "Nowhere" is not a state/,
  },
  {
    rule: "asl-unreachable-state",
    quote: "reachable",
    valid: machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Succeed" } }),
    invalid: machine({ A: { Type: "Succeed" }, B: { Type: "Succeed" } }),
    message: /it is unreachable/,
  },
  {
    rule: "asl-terminal-state",
    quote: "terminal",
    valid: machine({ A: { Type: "Pass", End: true } }),
    invalid: machine({ A: { Type: "Pass", Next: "A" } }),
    message: /has no terminal state/,
  },
  {
    rule: "asl-state-name",
    quote: "stateName",
    valid: machine({ ["x".repeat(80)]: { Type: "Succeed" } }),
    invalid: machine({ ["x".repeat(81)]: { Type: "Succeed" } }),
    message: /is 81 characters long; it must be 1 to 80/,
  },
  {
    rule: "asl-label",
    quote: "label",
    valid: machine({ M: map({ Label: "Orders" }) }),
    invalid: machine({ M: map({ Label: "Orders 2" }) }),
    message: /Label: "Orders 2" is not a string of 1 to 40 characters/,
  },
  {
    rule: "duplicate-key",
    quote: "stateName",
    valid: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}',
    invalid: '{"StartAt":"A","States":{"A":{"Type":"Succeed"},"A":{"Type":"Succeed"}}}',
    message: /two states are named "A"/,
  },
];
