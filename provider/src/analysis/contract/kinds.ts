/**
 * The structural contract of a Step Functions definition, as data: for every kind of object (the
 * state machine, its branches and item processors, each state type, Retriers, Catchers, Choice
 * Rules and the Map configurations) the fields it may have, the value each must hold, the query
 * language that may use it, and the rules that tie fields together. Each entry names the sentence
 * of the specification or of AWS's developer guide it enforces (quotes.ts).
 *
 * A new Step Functions feature is a change here: a field, a value or a rule.
 */
import { STATE_TYPES } from "../../model/types";
import type { QueryLanguage } from "../../model/walk";
import type { QuoteId } from "./quotes";
import type { KindName, Value } from "./values";

export interface Field {
  /** The value in JSONPath states (and in both languages unless `jsonata` is given). */
  value: Value;
  /** The value in JSONata states, when it differs. */
  jsonata?: Value;
  /** The only query language that may use the field. */
  only?: QueryLanguage;
  /** Required (in the given query language only, when one is named). */
  required?: true | QueryLanguage;
  quote: QuoteId;
}

/** Fields that go together: how many of them may be present. */
export interface Group {
  fields: readonly string[];
  /** How messages name the fields, when listing them would be long. */
  name?: string;
  count: "exactlyOne" | "atMostOne" | "atLeastOne";
  only?: QueryLanguage;
  quote: QuoteId;
}

/** A field required or forbidden when another is present (or has a given value). */
export interface Dependency {
  when: readonly string[];
  equals?: string;
  then: "require" | "forbid";
  field: string;
  only?: QueryLanguage;
  quote: QuoteId;
}

export interface Kind {
  /** How messages name an object of the kind. */
  label: string;
  fields: Readonly<Record<string, Field>>;
  groups?: readonly Group[];
  dependencies?: readonly Dependency[];
  /** Fields that look plausible here but are refused, with the reason. */
  refused?: Readonly<Record<string, { reason: string; quote: QuoteId }>>;
}

// ---------------------------------------------------------------------------------------------
// Values

const MAX_SECONDS = 99_999_999;
const string: Value = { type: "string" };
const nonEmptyString: Value = { type: "string", min: 1 };
const integer = (min?: number, max?: number): Value => ({ type: "integer", min, max });
const number = (min?: number, max?: number): Value => ({ type: "number", min, max });
const enumOf = (...values: string[]): Value => ({ type: "enum", values });
const reference: Value = { type: "path", format: "reference" };
const orJsonata = (value: Value): Value => ({ type: "either", options: [{ type: "jsonata" }, value] });
const object = (kind: KindName): Value => ({ type: "object", kind });
const template: Value = { type: "template" };
const anyJsonata: Value = { type: "jsonataValue" };

// ---------------------------------------------------------------------------------------------
// Fields shared by several kinds

const field = (value: Value, quote: QuoteId, extra: Partial<Field> = {}): Field => ({ value, quote, ...extra });
const jsonPath = (value: Value, quote: QuoteId): Field => field(value, quote, { only: "JSONPath" });
const jsonata = (value: Value, quote: QuoteId): Field => field(value, quote, { only: "JSONata" });
/** A number in JSONPath, the number or a JSONata expression in JSONata. */
const computed = (value: Value, quote: QuoteId): Field => field(value, quote, { jsonata: orJsonata(value) });

const STATE_BASE = {
  Type: field(enumOf(...STATE_TYPES), "type", { required: true }),
  Comment: field(string, "stateComment"),
  QueryLanguage: field(enumOf("JSONPath", "JSONata"), "stateQueryLanguage"),
};
const TRANSITION = { Next: field(string, "next"), End: field({ type: "boolean" }, "end") };
const IO_PATHS = {
  InputPath: jsonPath({ type: "path", format: "path", nullable: true }, "inputPath"),
  OutputPath: jsonPath({ type: "path", format: "path", nullable: true }, "outputPath"),
};
const RESULT_PATH = { ResultPath: jsonPath({ type: "path", format: "result", nullable: true }, "resultPath") };
const ASSIGN = { Assign: field({ type: "assign" }, "assign") };
const OUTPUT = { Output: jsonata(anyJsonata, "output") };
const ARGUMENTS = { Arguments: jsonata({ type: "jsonataValue", shape: "object" }, "argumentsObject") };
const PARAMETERS = { Parameters: jsonPath(template, "parameters") };
const RESULT_SELECTOR = { ResultSelector: jsonPath(template, "resultSelector") };
const ERROR_HANDLING = {
  Retry: field({ type: "handlers", kind: "Retrier", quote: "retrierAll" }, "retry"),
  Catch: field({ type: "handlers", kind: "Catcher", quote: "catcherAll" }, "catch"),
};
const NEXT_OR_END: Group = { fields: ["Next", "End"], count: "exactlyOne", quote: "next" };

/** JSONPath comparison operators of a Data-test Expression, with the value each compares with. */
const COMPARISONS: Record<string, Value> = {};
for (const [kind, value] of [
  ["String", string],
  ["Numeric", { type: "number" }],
  ["Timestamp", { type: "timestamp" }],
] as const) {
  for (const operator of ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"]) {
    COMPARISONS[`${kind}${operator}`] = value;
    COMPARISONS[`${kind}${operator}Path`] = reference;
  }
}
Object.assign(COMPARISONS, {
  BooleanEquals: { type: "boolean" },
  BooleanEqualsPath: reference,
  StringMatches: string,
  IsNull: { type: "boolean" },
  IsPresent: { type: "boolean" },
  IsNumeric: { type: "boolean" },
  IsString: { type: "boolean" },
  IsBoolean: { type: "boolean" },
  IsTimestamp: { type: "boolean" },
} satisfies Record<string, Value>);
export const COMPARISON_OPERATORS = Object.keys(COMPARISONS);

const BOOLEAN_OPERATORS = ["And", "Or", "Not"];

/** The fields of a JSONPath Choice Rule's expression, shared by top-level and nested rules. */
const EXPRESSION: Record<string, Field> = {
  Variable: jsonPath(reference, "variable"),
  And: jsonPath({ type: "array", items: object("NestedChoiceRule"), nonEmpty: true }, "andOr"),
  Or: jsonPath({ type: "array", items: object("NestedChoiceRule"), nonEmpty: true }, "andOr"),
  Not: jsonPath(object("NestedChoiceRule"), "not"),
  ...Object.fromEntries(
    COMPARISON_OPERATORS.map((name) => [name, jsonPath(COMPARISONS[name], name.endsWith("Path") ? "comparisonPath" : "comparisonValue")]),
  ),
};
const EXPRESSION_RULES = {
  groups: [
    {
      fields: [...BOOLEAN_OPERATORS, ...COMPARISON_OPERATORS],
      name: "a comparison operator (StringEquals, NumericGreaterThan, IsPresent, ...) or And, Or, Not",
      count: "exactlyOne",
      only: "JSONPath",
      quote: "oneComparison",
    },
  ],
  dependencies: [
    { when: COMPARISON_OPERATORS, then: "require", field: "Variable", only: "JSONPath", quote: "variable" },
    { when: BOOLEAN_OPERATORS, then: "forbid", field: "Variable", only: "JSONPath", quote: "choiceRuleForm" },
  ],
} satisfies Pick<Kind, "groups" | "dependencies">;

const MACHINE = {
  States: field({ type: "any" }, "states", { required: true }),
  StartAt: field(string, "startAt", { required: true }),
  Comment: field(string, "comment"),
  QueryLanguage: field(enumOf("JSONPath", "JSONata"), "queryLanguage"),
};

// ---------------------------------------------------------------------------------------------
// The kinds

export const KINDS: Readonly<Record<KindName, Kind>> = {
  StateMachine: {
    label: "the state machine",
    fields: {
      ...MACHINE,
      Version: field(string, "version"),
      TimeoutSeconds: field(number(undefined, MAX_SECONDS), "machineTimeout"),
    },
  },
  Branch: { label: "a Parallel branch", fields: MACHINE },
  ItemProcessor: {
    label: "an item processor",
    fields: { ...MACHINE, ProcessorConfig: field(object("ProcessorConfig"), "processorConfig") },
  },
  ProcessorConfig: {
    label: "ProcessorConfig",
    fields: {
      Mode: field(enumOf("INLINE", "DISTRIBUTED"), "processorModes"),
      ExecutionType: field(enumOf("STANDARD", "EXPRESS"), "processorModes"),
    },
    dependencies: [{ when: ["Mode"], equals: "DISTRIBUTED", then: "require", field: "ExecutionType", quote: "processorModes" }],
  },

  Pass: {
    label: "a Pass state",
    fields: {
      ...STATE_BASE,
      ...TRANSITION,
      ...IO_PATHS,
      ...PARAMETERS,
      ...RESULT_PATH,
      Result: jsonPath({ type: "any" }, "result"),
      ...ASSIGN,
      ...OUTPUT,
    },
    groups: [NEXT_OR_END],
  },
  Task: {
    label: "a Task state",
    fields: {
      ...STATE_BASE,
      ...TRANSITION,
      ...IO_PATHS,
      Resource: field(string, "resource", { required: true }),
      ...PARAMETERS,
      ...RESULT_SELECTOR,
      ...RESULT_PATH,
      ...ARGUMENTS,
      ...OUTPUT,
      ...ASSIGN,
      ...ERROR_HANDLING,
      // Positive whole numbers are checked by the timeout-not-positive rule (taskRules.ts).
      TimeoutSeconds: computed(number(undefined, MAX_SECONDS), "timeoutMaximum"),
      TimeoutSecondsPath: jsonPath(reference, "timeoutPaths"),
      HeartbeatSeconds: computed(number(undefined, MAX_SECONDS), "timeoutMaximum"),
      HeartbeatSecondsPath: jsonPath(reference, "timeoutPaths"),
      Credentials: field(object("Credentials"), "credentials"),
    },
    groups: [
      NEXT_OR_END,
      { fields: ["TimeoutSeconds", "TimeoutSecondsPath"], count: "atMostOne", quote: "timeoutPaths" },
      { fields: ["HeartbeatSeconds", "HeartbeatSecondsPath"], count: "atMostOne", quote: "timeoutPaths" },
    ],
  },
  Choice: {
    label: "a Choice state",
    fields: {
      ...STATE_BASE,
      ...IO_PATHS,
      Choices: field({ type: "array", items: object("ChoiceRule"), nonEmpty: true }, "choices", { required: true }),
      Default: field(string, "default"),
      ...ASSIGN,
      ...OUTPUT,
    },
    refused: {
      End: { reason: "a Choice state cannot end the machine; give it a Default, or go to a Succeed state", quote: "choiceNotEnd" },
      Next: { reason: "a Choice state transitions through its Choices and Default, not Next", quote: "next" },
    },
  },
  Wait: {
    label: "a Wait state",
    fields: {
      ...STATE_BASE,
      ...TRANSITION,
      ...IO_PATHS,
      Seconds: computed(integer(0, MAX_SECONDS), "seconds"),
      SecondsPath: jsonPath(reference, "waitPaths"),
      Timestamp: computed({ type: "timestamp" }, "timestamp"),
      TimestampPath: jsonPath(reference, "waitPaths"),
      ...ASSIGN,
      ...OUTPUT,
    },
    groups: [NEXT_OR_END, { fields: ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"], count: "exactlyOne", quote: "waitFields" }],
  },
  Succeed: {
    label: "a Succeed state",
    fields: { ...STATE_BASE, ...IO_PATHS, ...OUTPUT },
    refused: {
      Next: { reason: "a Succeed state ends its machine, so it has no Next", quote: "succeedTerminal" },
      End: { reason: "a Succeed state always ends its machine; remove End", quote: "succeedTerminal" },
      Assign: { reason: "Succeed and Fail states cannot assign variables", quote: "assign" },
    },
  },
  Fail: {
    label: "a Fail state",
    fields: {
      ...STATE_BASE,
      Error: field(string, "failErrorCause", { jsonata: { type: "jsonataValue", shape: "string" } }),
      ErrorPath: jsonPath({ type: "stringPath" }, "failPaths"),
      Cause: field(string, "failErrorCause", { jsonata: { type: "jsonataValue", shape: "string" } }),
      CausePath: jsonPath({ type: "stringPath" }, "failPaths"),
    },
    groups: [
      { fields: ["Error", "ErrorPath"], count: "atMostOne", quote: "failPaths" },
      { fields: ["Cause", "CausePath"], count: "atMostOne", quote: "failPaths" },
    ],
    refused: {
      Next: { reason: "a Fail state ends its machine, so it has no Next", quote: "failTerminal" },
      End: { reason: "a Fail state always ends its machine; remove End", quote: "failTerminal" },
      Assign: { reason: "Succeed and Fail states cannot assign variables", quote: "assign" },
      Output: { reason: "a Fail state has no output", quote: "output" },
    },
  },
  Parallel: {
    label: "a Parallel state",
    fields: {
      ...STATE_BASE,
      ...TRANSITION,
      ...IO_PATHS,
      Branches: field({ type: "array", items: { type: "machine" } }, "branches", { required: true }),
      ...PARAMETERS,
      ...RESULT_SELECTOR,
      ...RESULT_PATH,
      ...ARGUMENTS,
      ...OUTPUT,
      ...ASSIGN,
      ...ERROR_HANDLING,
    },
    groups: [NEXT_OR_END],
  },
  Map: {
    label: "a Map state",
    fields: {
      ...STATE_BASE,
      ...TRANSITION,
      ...IO_PATHS,
      ItemProcessor: field({ type: "machine" }, "itemProcessor"),
      Iterator: field({ type: "machine" }, "iteratorOrProcessor"),
      ItemsPath: jsonPath(reference, "itemsPath"),
      Items: jsonata({ type: "jsonataValue", shape: "array" }, "items"),
      ItemSelector: field(template, "itemSelector", { jsonata: anyJsonata }),
      Parameters: jsonPath(template, "mapParameters"),
      ItemReader: field(object("ItemReader"), "itemReader"),
      ItemBatcher: field(object("ItemBatcher"), "itemBatcher"),
      ResultWriter: field(object("ResultWriter"), "resultWriter"),
      MaxConcurrency: computed(integer(0), "maxConcurrency"),
      MaxConcurrencyPath: jsonPath(reference, "maxConcurrency"),
      ToleratedFailurePercentage: computed(number(0, 100), "toleratedFailure"),
      ToleratedFailurePercentagePath: jsonPath(reference, "toleratedFailurePaths"),
      ToleratedFailureCount: computed(integer(0), "toleratedFailure"),
      ToleratedFailureCountPath: jsonPath(reference, "toleratedFailurePaths"),
      Label: field({ type: "label" }, "label"),
      ...RESULT_SELECTOR,
      ...RESULT_PATH,
      ...OUTPUT,
      ...ASSIGN,
      ...ERROR_HANDLING,
    },
    groups: [
      NEXT_OR_END,
      { fields: ["ItemProcessor", "Iterator"], count: "exactlyOne", quote: "itemProcessor" },
      { fields: ["ItemSelector", "Parameters"], count: "atMostOne", quote: "mapParameters" },
      { fields: ["MaxConcurrency", "MaxConcurrencyPath"], count: "atMostOne", quote: "maxConcurrency" },
      { fields: ["ToleratedFailureCount", "ToleratedFailureCountPath"], count: "atMostOne", quote: "toleratedFailurePaths" },
      { fields: ["ToleratedFailurePercentage", "ToleratedFailurePercentagePath"], count: "atMostOne", quote: "toleratedFailurePaths" },
    ],
  },

  Retrier: {
    label: "a Retrier",
    fields: {
      ErrorEquals: field({ type: "errorEquals" }, "errorEquals", { required: true }),
      IntervalSeconds: field(integer(1, MAX_SECONDS), "intervalSeconds"),
      MaxAttempts: field(integer(0, MAX_SECONDS), "maxAttempts"),
      BackoffRate: field(number(1), "backoffRate"),
      MaxDelaySeconds: field(integer(1, 31_622_400), "maxDelayMaximum"),
      JitterStrategy: field(enumOf("FULL", "NONE"), "jitterStrategy"),
      Comment: field(string, "stateComment"),
    },
  },
  Catcher: {
    label: "a Catcher",
    fields: {
      ErrorEquals: field({ type: "errorEquals" }, "catcher", { required: true }),
      Next: field(string, "catcher", { required: true }),
      ResultPath: jsonPath({ type: "path", format: "result", nullable: true }, "catcherResultPath"),
      Output: jsonata(anyJsonata, "catcherOutput"),
      Assign: field({ type: "assign" }, "catcherAssign"),
      Comment: field(string, "stateComment"),
    },
  },
  ChoiceRule: {
    label: "a Choice Rule",
    fields: {
      Next: field(string, "choiceNext", { required: true }),
      Condition: field({ type: "jsonataValue", shape: "boolean" }, "condition", { only: "JSONata", required: "JSONata" }),
      Assign: field({ type: "assign" }, "choiceAssign"),
      Output: jsonata(anyJsonata, "choiceOutput"),
      Comment: field(string, "stateComment"),
      ...EXPRESSION,
    },
    groups: EXPRESSION_RULES.groups,
    dependencies: EXPRESSION_RULES.dependencies,
  },
  NestedChoiceRule: {
    label: "a Choice Rule inside And, Or or Not",
    fields: { Comment: field(string, "stateComment"), ...EXPRESSION },
    ...EXPRESSION_RULES,
    refused: {
      Next: { reason: "a Choice Rule inside And, Or or Not cannot have Next; only the top-level rule transitions", quote: "andOr" },
      Assign: { reason: "only a top-level Choice Rule can assign variables", quote: "choiceAssign" },
    },
  },

  ItemReader: {
    label: "ItemReader",
    fields: {
      Resource: field(string, "itemReader", { required: true }),
      Parameters: jsonPath(template, "readerArguments"),
      Arguments: jsonata({ type: "jsonataValue", shape: "object" }, "readerArguments"),
      ReaderConfig: field(object("ReaderConfig"), "readerConfig"),
    },
  },
  ReaderConfig: {
    label: "ReaderConfig",
    fields: {
      InputType: field(enumOf("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"), "readerConfigFields"),
      CSVHeaderLocation: field(enumOf("FIRST_ROW", "GIVEN"), "readerConfigFields"),
      CSVHeaders: field({ type: "array", items: string, nonEmpty: true }, "readerConfigFields"),
      CSVDelimiter: field(enumOf("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"), "readerConfigFields"),
      ManifestType: field(nonEmptyString, "readerConfigFields"),
      MaxItems: computed(integer(1), "readerConfig"),
      MaxItemsPath: jsonPath(reference, "maxItems"),
    },
    groups: [{ fields: ["MaxItems", "MaxItemsPath"], count: "atMostOne", quote: "maxItems" }],
  },
  ItemBatcher: {
    label: "ItemBatcher",
    fields: {
      MaxItemsPerBatch: computed(integer(1), "itemBatcher"),
      MaxItemsPerBatchPath: jsonPath(reference, "batchLimits"),
      MaxInputBytesPerBatch: computed(integer(1, 262_144), "batchBytes"),
      MaxInputBytesPerBatchPath: jsonPath(reference, "batchLimits"),
      BatchInput: field(template, "batchInput", { jsonata: anyJsonata }),
    },
    groups: [
      { fields: ["MaxItemsPerBatch", "MaxItemsPerBatchPath"], count: "atMostOne", quote: "batchLimits" },
      { fields: ["MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"], count: "atMostOne", quote: "batchLimits" },
      {
        fields: ["MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"],
        count: "atLeastOne",
        quote: "batchLimits",
      },
    ],
  },
  ResultWriter: {
    label: "ResultWriter",
    fields: {
      Resource: field(string, "resultWriter"),
      Parameters: jsonPath(template, "resultWriter"),
      Arguments: jsonata({ type: "jsonataValue", shape: "object" }, "resultWriter"),
      WriterConfig: field(object("WriterConfig"), "writerConfig"),
    },
    groups: [{ fields: ["Resource", "WriterConfig"], count: "atLeastOne", quote: "resultWriterFields" }],
    dependencies: [
      { when: ["Resource"], then: "require", field: "Parameters", only: "JSONPath", quote: "resultWriterFields" },
      { when: ["Resource"], then: "require", field: "Arguments", only: "JSONata", quote: "resultWriterFields" },
      { when: ["Parameters", "Arguments"], then: "require", field: "Resource", quote: "resultWriterFields" },
    ],
  },
  WriterConfig: {
    label: "WriterConfig",
    fields: {
      OutputType: field(enumOf("JSON", "JSONL"), "writerConfig", { required: true }),
      Transformation: field(enumOf("NONE", "COMPACT", "FLATTEN"), "writerConfig"),
    },
  },
  Credentials: {
    label: "Credentials",
    fields: {
      RoleArn: field(nonEmptyString, "credentialsRole", { jsonata: { type: "jsonataValue", shape: "string" } }),
      "RoleArn.$": jsonPath({ type: "dynamic" }, "credentialsRole"),
    },
    groups: [{ fields: ["RoleArn", "RoleArn.$"], count: "exactlyOne", quote: "credentialsRole" }],
  },
};
