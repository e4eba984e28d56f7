/**
 * The sentences of the Amazon States Language specification (https://states-language.net/spec.html)
 * and of AWS's Step Functions developer guide that the structural contract enforces. Every field and
 * every rule of the contract (kinds.ts) names one of them; docs/rules.md and the conformance tests
 * quote them.
 */

export const SPEC_URL = "https://states-language.net/spec.html";
const GUIDE = "https://docs.aws.amazon.com/step-functions/latest/dg";

export interface Quote {
  /** Where the sentence is: the specification or a page of AWS's developer guide. */
  source: string;
  text: string;
}

const spec = (text: string): Quote => ({ source: SPEC_URL, text });
const guide = (page: string, text: string): Quote => ({ source: `${GUIDE}/${page}`, text });

export const QUOTES = {
  states: spec('A State Machine MUST have an object field named "States", whose fields represent the states.'),
  startAt: spec(
    'A State Machine MUST have a string field named "StartAt", whose value MUST match exactly the name of one of the "States" fields.',
  ),
  queryLanguage: spec(
    'A State Machine MAY have a string field named "QueryLanguage", which provides the name of the query language used in the machine. [...] The States Language supports JSONPath and JSONata',
  ),
  comment: spec('A State Machine MAY have a string field named "Comment", to hold a human-readable comment or description of the machine.'),
  version: spec(
    'A State Machine MAY have a string field named "Version", which gives the version of the States Language used in the machine.',
  ),
  machineTimeout: spec('A State Machine MAY have an integer field named "TimeoutSeconds".'),
  stateName: spec(
    "The state name MUST be unique within the scope of the entire state machine, and its length MUST BE less than or equal to 80 Unicode characters.",
  ),
  type: spec('All states MUST have a "Type" field.'),
  stateComment: spec('Any state MAY have a "Comment" field, to hold a human-readable comment or description.'),
  stateQueryLanguage: spec(
    'Any state MAY have a "QueryLanguage" field to override the state machine\'s query language as specified in the top-level "QueryLanguage" field.',
  ),
  end: spec('Any state except for Choice, Succeed, and Fail MAY have a field named "End" whose value MUST be a boolean.'),
  next: spec(
    'All non-terminal states MUST have a "Next" field, except for the Choice State. The value of the "Next" field MUST exactly and case-sensitively match the name of another state.',
  ),
  inputOutputPath: spec('Any state except for Succeed and Fail MAY have "InputPath" and "OutputPath".'),
  inputPath: spec('The value of "InputPath" MUST be a Path'),
  outputPath: spec('The value of "OutputPath" MUST be a Path'),
  parameters: spec('The value of "Parameters" MUST be a Payload Template which is a JSON object'),
  payloadTemplate: spec("A Payload Template MUST be a JSON object; it has no required fields."),
  resultSelector: spec('The value of "ResultSelector" MUST be a Payload Template'),
  resultPath: spec('The value of "ResultPath" MUST be a Reference Path [...] The value of "ResultPath" MUST NOT begin with "$$"'),
  assign: spec(
    'Any state except Succeed and Fail MAY have an "Assign" field at the state\'s top level. [...] The value of an "Assign" field MUST be a JSON object; it has no required fields.',
  ),
  variableName: spec(
    'Each variable name, whose length MUST BE less than or equal to 80 Unicode characters, MUST follow the rules for Unicode Identifiers [...] A state MUST NOT assign a value to "states".',
  ),
  output: spec('Any state except Fail MAY have "Output". [...] The value of "Output" MUST be a JSON text, or a JSONata string'),
  arguments: spec('Task and Parallel States MAY have "Arguments".'),
  argumentsObject: guide(
    "transforming-data.html",
    "Arguments: the value can be a JSON object or a JSONata expression that evaluates to an object.",
  ),
  jsonataString: spec("JSONata expressions are written inside strings that start with `{%` and end with `%}`."),
  jsonPathOnly: guide(
    "transforming-data.html",
    "JSONata states use Arguments and Output in place of the JSONPath fields InputPath, Parameters, ResultSelector, ResultPath and OutputPath.",
  ),
  result: spec('A Pass State MAY have a field named "Result".'),
  resource: spec(
    'A Task State MUST include a "Resource" field, whose value MUST be a URI that uniquely identifies the specific task to execute.',
  ),
  timeouts: spec('Timeouts (the "TimeoutSeconds" and "HeartbeatSeconds" fields) are specified in seconds and MUST be positive integers.'),
  timeoutMaximum: guide(
    "state-task.html",
    "TimeoutSeconds (Optional): [...] must be a positive, non-zero integer. [...] the maximum is 99999999.",
  ),
  timeoutPaths: spec(
    'A JSONPath Task State MAY have "TimeoutSecondsPath" and "HeartbeatSecondsPath" fields which MUST be Reference Paths [...] A Task State MUST NOT include both "TimeoutSeconds" and "TimeoutSecondsPath" or both "HeartbeatSeconds" and "HeartbeatSecondsPath".',
  ),
  jsonataTimeouts: spec(
    'A JSONata Task State MAY specify JSONata strings for the "TimeoutSeconds" and "HeartbeatSeconds" fields whose values, when evaluated, MUST be positive integers.',
  ),
  credentials: spec(
    'A Task State MAY include a "Credentials" field, whose value MUST be a JSON object whose value is defined by the interpreter.',
  ),
  credentialsRole: guide(
    "concepts-access-cross-acct-resources.html",
    'Credentials: specify the RoleArn of the role to assume, either as a hard-coded ARN ("RoleArn") or from the state input ("RoleArn.$").',
  ),
  retry: spec(
    'Task States, Parallel States, and Map States MAY have a field named "Retry", whose value MUST be an array of objects, called Retriers.',
  ),
  errorEquals: spec(
    'Each Retrier MUST contain a field named "ErrorEquals" whose value MUST be a non-empty array of Strings, which match Error Names.',
  ),
  intervalSeconds: spec('A Retrier MAY contain a field named "IntervalSeconds", whose value MUST be a positive integer'),
  maxAttempts: spec('a field named "MaxAttempts" whose value MUST be a non-negative integer'),
  maxDelaySeconds: spec('a field named "MaxDelaySeconds" whose value MUST be positive integer'),
  maxDelayMaximum: guide(
    "concepts-error-handling.html",
    "MaxDelaySeconds (Optional): [...] the maximum value is 31622400 seconds (366 days).",
  ),
  jitterStrategy: guide("concepts-error-handling.html", 'JitterStrategy (Optional): [...] Valid values are "FULL" and "NONE".'),
  backoffRate: spec("The value of BackoffRate MUST be greater than or equal to 1.0."),
  retrierAll: spec(
    'The reserved name "States.ALL" in a Retrier\'s "ErrorEquals" field is a wildcard and matches any Error Name. Such a value MUST appear alone in the "ErrorEquals" array and MUST appear in the last Retrier in the "Retry" array.',
  ),
  catch: spec(
    'Task States, Parallel States, and Map States MAY have a field named "Catch", whose value MUST be an array of objects, called Catchers.',
  ),
  catcher: spec(
    'Each Catcher MUST contain a field named "ErrorEquals", specified exactly as with the Retrier "ErrorEquals" field, and a field named "Next" whose value MUST be a string exactly matching a State Name.',
  ),
  catcherAll: spec(
    'The reserved name "States.ALL" appearing in a Catcher\'s "ErrorEquals" field is a wildcard and matches any Error Name. Such a value MUST appear alone in the "ErrorEquals" array and MUST appear in the last Catcher in the "Catch" array.',
  ),
  catcherAssign: spec('A Catcher MAY have an "Assign" field, which works exactly like a state\'s top-level "Assign"'),
  catcherOutput: spec('In JSONata States, a Catcher MAY have an "Output" field'),
  catcherResultPath: spec('In JSONPath States, a Catcher MAY have a "ResultPath" field'),
  choices: spec(
    'A Choice State MUST have a "Choices" field whose value is a non-empty array. Each element of the array MUST be a JSON object and is called a Choice Rule.',
  ),
  choiceNext: spec(
    'A Choice Rule at the top level, i.e. which is a member of the "Choices" array, MUST have a "Next" field, whose value MUST match a state name.',
  ),
  choiceAssign: spec('Each Choice Rule MAY have an "Assign" field, which works exactly like a state\'s top-level "Assign"'),
  condition: spec(
    'In a JSONata Choice State, each Choice Rule MUST have a "Condition" field. The "Condition" field accepts a boolean value or a JSONata string that must evaluate to a boolean value.',
  ),
  choiceOutput: spec('Each Choice Rule MAY have an "Output" field, which works exactly like a state\'s top-level "Output".'),
  choiceRuleForm: spec("A Choice Rule MUST be either a Boolean Expression or a Data-test Expression."),
  andOr: spec(
    'If the field name is "And" or "Or", the value MUST be a non-empty object array of Choice Rules, which MUST NOT contain "Next" fields',
  ),
  not: spec(
    'The value of a Boolean Expression containing a "Not" field MUST be a single Choice Rule, that MUST NOT contain a "Next" field',
  ),
  variable: spec('A Data-test Expression MUST contain a field named "Variable" whose value MUST be a Path.'),
  oneComparison: spec("Each choice rule MUST contain exactly one field containing a comparison operator."),
  comparisonPath: spec('For those operators that end with "Path", the value MUST be a Path'),
  comparisonValue: spec(
    "For each operator which compares values, if the values are not both of the appropriate type (String, number, boolean, or Timestamp) the comparison will return false.",
  ),
  timestamp: spec(
    'These are strings which MUST conform to the RFC3339 profile of ISO 8601, with the further restrictions that an uppercase "T" character MUST be used to separate date and time, and an uppercase "Z" character MUST be present in the absence of a numeric time zone offset',
  ),
  default: spec('A Choice State MAY have a "Default" field, whose value MUST be a string whose value MUST match a State name'),
  choiceNotEnd: spec("A Choice State MUST NOT be an End state."),
  waitFields: spec('A JSONPath Wait State MUST contain exactly one of "Seconds", "SecondsPath", "Timestamp", or "TimestampPath".'),
  jsonataWait: spec(
    'A JSONata Wait State MAY specify a JSONata string for the "Seconds" field whose value, when evaluated, MUST be a non-negative integer. It MAY specify a JSONata string for the "Timestamp" field',
  ),
  waitPaths: spec(
    'A JSONPath Wait State MAY have a "SecondsPath" field which MUST be a Reference Path [...] It MAY have a "TimestampPath" field which MUST be a Reference Path',
  ),
  seconds: guide(
    "state-wait.html",
    "Seconds: A time, in seconds, to wait before beginning the state specified in the Next field. You must specify time as an integer value from 0 to 99999999.",
  ),
  succeedTerminal: spec('Because Succeed States are terminal states, they have no "Next" field.'),
  failTerminal: spec('Because Fail States are terminal states, they have no "Next" field.'),
  failErrorCause: spec(
    'A Fail State MAY have a field named "Error", whose value MUST be a string [...] A Fail State MAY have a field named "Cause", whose value MUST be a string',
  ),
  failPaths: spec(
    'A JSONPath Fail state MAY have "ErrorPath" and "CausePath" fields whose values MUST be Reference Paths or Intrinsic Functions which, when resolved, MUST be string values. A Fail state MUST NOT include both "Error" and "ErrorPath" or both "Cause" and "CausePath".',
  ),
  branches: spec(
    'A Parallel State MUST contain a field named "Branches" which is an array whose elements MUST be objects. Each object MUST contain fields named "States" and "StartAt" whose meanings are exactly like those in the top level of a State Machine.',
  ),
  itemProcessor: spec(
    'A Map State MUST contain an object field named "ItemProcessor" (or deprecated "Iterator") which MUST contain fields named "States" and "StartAt", whose meanings are exactly like those in the top level of a State Machine.',
  ),
  processorConfig: spec(
    'The "ItemProcessor" field MAY contain a field named "ProcessorConfig", whose value MUST be a JSON object whose value is defined by the interpreter.',
  ),
  processorModes: guide(
    "state-map-distributed.html",
    "ProcessorConfig: Mode is INLINE or DISTRIBUTED; in DISTRIBUTED mode ExecutionType (STANDARD or EXPRESS) specifies the execution type for the child workflows and is required.",
  ),
  items: spec(
    'A JSONata Map State MAY have an "Items" field, whose value MUST be a JSON array or a JSONata string that MUST evaluate to a JSON array',
  ),
  itemsPath: spec('A JSONPath Map State MAY have an "ItemsPath" field, whose value MUST be a Reference Path.'),
  itemSelector: spec(
    'A JSONata Map State MAY have an "ItemSelector" field, whose value MUST be a JSON text, or a JSONata string that evaluates to a JSON text. A JSONPath Map State MAY have an "ItemSelector" field, whose value MUST be a Payload Template.',
  ),
  itemReader: spec(
    'A Map State MAY have an "ItemReader" field, whose value MUST be a JSON object [...] The ItemReader Configuration MUST have a "Resource" field',
  ),
  readerConfig: spec(
    'The ItemReader Configuration MAY have a "ReaderConfig" field whose value is a JSON object which MAY have a "MaxItems" field which MUST be a positive integer. The interpreter MAY define additional "ReaderConfig" fields.',
  ),
  readerConfigFields: guide(
    "input-output-itemreader.html",
    "ReaderConfig: InputType (CSV, JSON, JSONL, MANIFEST, PARQUET), CSVHeaderLocation (FIRST_ROW or GIVEN), CSVHeaders, CSVDelimiter (COMMA, PIPE, SEMICOLON, SPACE, TAB), ManifestType, MaxItems or MaxItemsPath.",
  ),
  maxItems: spec('A "ReaderConfig" field MUST NOT include both "MaxItems" and "MaxItemsPath".'),
  readerArguments: spec(
    'In a JSONata Map State, the ItemReader Configuration MAY have an "Arguments" field, whose value MUST be a JSON object or a JSONata string that evaluates to a JSON object. In a JSONPath Map State, the ItemReader Configuration MAY have a "Parameters" field, whose value MUST be a Payload Template.',
  ),
  itemBatcher: spec(
    'A Map State MAY have an "ItemBatcher" field, whose value MUST be a JSON object [...] An ItemBatcher Configuration MAY have a "MaxItemsPerBatch" field, whose value MUST be a positive integer. An ItemBatcher Configuration MAY have a "MaxInputBytesPerBatch" field, whose value MUST be a positive integer.',
  ),
  batchInput: spec(
    'In a JSONata Map State, the ItemBatcher Configuration MAY have a "BatchInput" field, whose value MUST be JSON text or a JSONata string that MUST evaluate to a JSON text. In a JSONPath Map State, the ItemBatcher Configuration MAY have a "BatchInput" field, whose value MUST be a Payload Template.',
  ),
  batchLimits: spec(
    'A Map State MUST NOT include both "MaxItemsPerBatch" and "MaxItemsPerBatchPath" or both "MaxInputBytesPerBatch" and "MaxInputBytesPerBatchPath". An ItemBatcher Configuration MUST contain at least one of "MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", or "MaxInputBytesPerBatchPath".',
  ),
  batchBytes: guide("input-output-itembatcher.html", "MaxInputBytesPerBatch: [...] You can specify a maximum batch size of up to 256 KiB."),
  resultWriter: spec(
    'A Map State MAY have a "ResultWriter" field, whose value MUST be a JSON object [...] In a JSONata Map State, the ResultWriter Configuration MAY have an "Arguments" field [...] In a JSONPath Map State, the ResultWriter Configuration MAY have a "Parameters" field',
  ),
  resultWriterFields: guide(
    "input-output-resultwriter.html",
    "The ResultWriter field cannot be empty. You must specify one of these sets of sub-fields: WriterConfig; Resource and Parameters (Arguments in JSONata); or all three.",
  ),
  writerConfig: guide(
    "input-output-resultwriter.html",
    "WriterConfig: Transformation is NONE, COMPACT or FLATTEN; OutputType is JSON or JSONL.",
  ),
  maxConcurrency: spec(
    'A Map State MAY have a non-negative integer "MaxConcurrency" field. [...] A JSONata Map State MAY specify a JSONata string for the "MaxConcurrency" field [...] A JSONPath Map State MAY have "MaxConcurrencyPath" field which MUST be a Reference Path [...] A Map State MUST NOT include both "MaxConcurrency" and "MaxConcurrencyPath".',
  ),
  toleratedFailure: spec(
    'A Map State MAY have a "ToleratedFailurePercentage" field whose value MUST be a number between zero and 100. [...] A Map State MAY have a non-negative integer "ToleratedFailureCount" field.',
  ),
  toleratedFailurePaths: spec(
    'A JSONPath Map State may have "ToleratedFailureCountPath" and "ToleratedFailurePercentagePath" fields which MUST be Reference Paths [...] A Map State MUST NOT include both "ToleratedFailureCount" and "ToleratedFailureCountPath" or both "ToleratedFailurePercentage" and "ToleratedFailurePercentagePath".',
  ),
  label: guide(
    "state-map-distributed.html",
    "Label: [...] can have up to 40 characters. The label must be unique within the state machine definition and can't contain whitespace, wildcard (? *), bracket (< > { } [ ]), special (: ; , \\ | ^ ~ $ # % & ` \") or control characters.",
  ),
  iteratorOrProcessor: spec(
    'The "ItemProcessor" field performs the same function as the "Iterator" field, which is now deprecated in the Map State.',
  ),
  mapParameters: spec(
    'In a JSONPath Map State, the "ItemSelector" field performs the same function as the "Parameters" field, which is now deprecated in the Map State.',
  ),
  branchTransitions: spec(
    'A state in a Parallel State branch "States" field MUST NOT have a "Next" field that targets a field outside of that "States" field.',
  ),
  terminal: spec(
    'The term "Terminal State" means a state with { "End": true }, or a state with { "Type": "Succeed" }, or a state with { "Type": "Fail" }.',
  ),
  reachable: guide(
    "concepts-states.html",
    "Every state must be reachable: Step Functions refuses a definition with a state that no StartAt, Next, Default, Choices or Catch leads to.",
  ),
  duplicateFieldNames: spec(
    'A JSON object MUST NOT have duplicate field names after fields ending with the characters ".$" are renamed to strip the ".$" suffix.',
  ),
} satisfies Record<string, Quote>;

export type QuoteId = keyof typeof QUOTES;
