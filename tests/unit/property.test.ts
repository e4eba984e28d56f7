/**
 * Property tests of analyze(): generated, then mutated, definitions. Whatever it is given, the
 * analysis returns a well-formed result and never throws or hangs.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { analyze } from "../../provider/src/analysis/analyze";
import type { AnalysisResult, AnalyzeOptions } from "../../provider/src/model/types";

/** Every rule id the analysis (and the integration table it runs) may emit; docs/rules.md lists them. */
const KNOWN_RULES = new Set([
  "invalid-json",
  "duplicate-key",
  "context-path-single-dollar",
  "definition-too-large",
  "asl-schema",
  "asl-transition",
  "asl-unreachable-state",
  "asl-state-name",
  "asl-label",
  "asl-duplicate-label",
  "asl-duplicate-state",
  "asl-terminal-state",
  "asl-structure",
  "query-language",
  "too-many-diagnostics",
  "unknown-placeholder",
  "undeclared-callback",
  "unused-callback",
  "timeout-not-positive",
  "heartbeat-not-below-timeout",
  "express-pattern",
  "express-activity",
  "express-distributed-map",
  "missing-task-token",
  "callback-without-heartbeat",
  "unknown-resource",
  "unknown-integration",
  "unsupported-pattern",
  "task-credentials",
  "dynamic-resource",
  "missing-argument",
  "invalid-argument",
  "sdk-resource-wildcard",
  "sdk-unknown-service",
  "kms-key-unknown",
]);

function assertWellFormed(result: AnalysisResult, options: AnalyzeOptions = {}): void {
  assert.equal(typeof result, "object");
  for (const list of [result.errors, result.warnings, result.integrations, result.statements, result.tasks]) {
    assert.ok(Array.isArray(list));
  }
  assert.equal(result.ok, result.errors.length === 0);
  assert.equal(result.workflowType, options.workflowType ?? "STANDARD");
  const check = (severity: string) => (diagnostic: AnalysisResult["errors"][number]) => {
    assert.equal(diagnostic.severity, severity);
    assert.ok(KNOWN_RULES.has(diagnostic.rule), `unknown rule ${diagnostic.rule}`);
    assert.equal(typeof diagnostic.message, "string");
    assert.ok(diagnostic.message.length > 0);
    assert.ok(diagnostic.state === null || typeof diagnostic.state === "string");
  };
  result.errors.forEach(check("error"));
  result.warnings.forEach(check("warning"));
  for (const statement of result.statements) {
    assert.ok(statement.Effect === "Allow" || statement.Effect === "Deny");
    assert.ok(statement.Action.length > 0 && statement.Action.every((action) => typeof action === "string"));
    assert.ok(statement.Resource.length > 0 && statement.Resource.every((resource) => typeof resource === "string"));
  }
  for (const integration of result.integrations) assert.equal(typeof integration.state, "string");
}

function analyzeChecked(input: unknown, options: AnalyzeOptions = {}): AnalysisResult {
  const result = analyze(input, options);
  assertWellFormed(result, options);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

const RESOURCES = [
  "arn:aws:states:::sqs:sendMessage",
  "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
  "arn:aws:states:::lambda:invoke",
  "arn:aws:states:::lambda:invoke.waitForTaskToken",
  "arn:aws:states:::sns:publish",
  "arn:aws:states:::dynamodb:getItem",
  "arn:aws:states:::dynamodb:putItem.sync",
  "arn:aws:states:::states:startExecution.sync:2",
  "arn:aws:states:::ecs:runTask.sync",
  "arn:aws:states:::events:putEvents.waitForTaskToken",
  "arn:aws:states:::apigateway:invoke",
  "arn:aws:states:::http:invoke",
  "arn:aws:states:::batch:submitJob.sync",
  "arn:aws:states:::glue:startJobRun.sync",
  "arn:aws:states:::athena:startQueryExecution.sync",
  "arn:aws:states:::aws-sdk:s3:getObject",
  "arn:aws:states:::aws-sdk:ec2:describeInstances",
  "arn:aws:states:::aws-sdk:sfn:startExecution.sync",
  "arn:aws-cn:states:::sqs:sendMessage",
  "arn:aws-us-gov:states:::aws-sdk:dynamodb:query.waitForTaskToken",
  "arn:aws:states:::nosuch:thing",
  "arn:aws:lambda:us-east-1:123456789012:function:fn",
  "arn:aws:lambda:us-east-1:123456789012:function:fn:live",
  "arn:aws:states:us-east-1:123456789012:activity:work",
  "${Fn}",
  "arn:${AWS::Partition}:states:::lambda:invoke",
  "not an arn",
  "",
];

const STRINGS = [
  "${Missing}",
  "${callbacks.approvals.queueUrl}",
  "${callbacks.undeclared.queueArn}",
  "${",
  "{% $states.context.Task.Token %}",
  "{% $states.input.x %}",
  "{% (( %}",
  "$$",
  "$$.Task.Token",
  "$$.Execution.Id",
  "States.Format('{}', $$.Task.Token)",
  "States.JsonToString($$.Task)",
  "$.detail",
  "$['a b']",
  "https://sqs.us-east-1.amazonaws.com/123456789012/queue",
  "https://example.com/not-a-queue",
  "arn:aws:sns:us-east-1:123456789012:topic",
  "arn:aws:iam::123456789012:role/worker",
  "\u0000\u202e\ud83d\ude00 ünïcödé",
  "a".repeat(3000),
  "Next",
  "States",
  "__proto__",
  "constructor",
];

const NUMBERS = [0, -1, 1, 1.5, -0, 1e308, -1e308, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e-300, NaN, Infinity, -Infinity, 99999999];

const KEYS = [
  "QueueUrl",
  "QueueUrl.$",
  "MessageBody",
  "TaskToken.$",
  "token.$",
  "FunctionName",
  "Payload",
  "TopicArn",
  "Message",
  "TableName",
  "StateMachineArn",
  "Input",
  "Entries",
  "Bucket",
  "Key",
  "RoleArn",
  "Next",
  "States",
  "StartAt",
  "Default",
  "Branches",
  "Iterator",
  "Parameters",
  "Type",
  "__proto__",
  "constructor",
  "a.$",
  "a",
];

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...STRINGS),
  fc.constantFrom(...NUMBERS),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer(),
);

/** Payload-like JSON: objects with ASL-looking keys, arrays and scalars. */
const payload: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie("value"), { maxKeys: 4 }),
  ),
})).value;

interface MachineShape {
  states: Array<{ kind: string; resource: string; parameters: unknown; extras: Record<string, unknown>; children: MachineShape[] }>;
}

const stateKinds = ["Task", "Task", "Task", "Pass", "Choice", "Wait", "Parallel", "Map", "DistributedMap", "Succeed"] as const;

/** A machine of up to 4 states; Parallel and Map states hold machines down to `depth` more levels. */
function machineShapeAt(depth: number): fc.Arbitrary<MachineShape> {
  const children: fc.Arbitrary<MachineShape[]> =
    depth === 0 ? fc.constant([]) : fc.array(machineShapeAt(depth - 1), { minLength: 1, maxLength: 2 });
  return fc.record({
    states: fc.array(
      fc.record({
        kind: fc.constantFrom(...stateKinds),
        resource: fc.constantFrom(...RESOURCES),
        parameters: payload,
        extras: fc.record(
          {
            HeartbeatSeconds: fc.constantFrom(1, 30, 60, 300),
            TimeoutSeconds: fc.constantFrom(10, 60, 600),
          },
          { requiredKeys: [] },
        ),
        children,
      }),
      { minLength: 1, maxLength: 4 },
    ),
  });
}

const machineShape = machineShapeAt(2);

const PATHS = [
  "$",
  "$.detail",
  "$$",
  "$$.Task.Token",
  "$$.Execution.Id",
  "States.Format('{}', $$.Task.Token)",
  "States.JsonToString($$.Task)",
];

/** A payload template JSONPath accepts: `.$` keys hold paths, no `a` next to `a.$`, no JSONata text. */
function asTemplate(value: unknown, seed = 0): unknown {
  if (typeof value === "string") return /^\s*\{%|%\}\s*$/.test(value) ? "text" : value;
  if (Array.isArray(value)) return value.map((item, i) => asTemplate(item, seed + i));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).map(([key, item], i): [string, unknown] =>
    key.endsWith(".$") ? [key, PATHS[(seed + i) % PATHS.length]] : [key, asTemplate(item, seed + i)],
  );
  const keys = new Set(entries.map(([key]) => key));
  return Object.fromEntries(entries.filter(([key]) => !keys.has(`${key}.$`)));
}

let uniqueName = 0;

/** A definition that is structurally valid ASL (Resources and arguments may still be wrong). */
function build(shape: MachineShape): Record<string, unknown> {
  const names = shape.states.map((entry) => `${entry.kind} ${uniqueName++}`);
  const states: Record<string, unknown> = {};
  shape.states.forEach((entry, i) => {
    const last = i === shape.states.length - 1;
    const flow = last ? { End: true } : { Next: names[i + 1] };
    // At the bottom level a Parallel or Map state gets a one-state machine.
    const nested = entry.children.length > 0 ? entry.children : [{ states: [{ ...entry, kind: "Pass", children: [] }] }];
    let state: Record<string, unknown>;
    switch (entry.kind) {
      case "Task":
        state = { Type: "Task", Resource: entry.resource, Parameters: { Payload: asTemplate(entry.parameters) }, ...entry.extras, ...flow };
        if (
          typeof state.HeartbeatSeconds === "number" &&
          typeof state.TimeoutSeconds === "number" &&
          state.HeartbeatSeconds >= state.TimeoutSeconds
        ) {
          delete state.HeartbeatSeconds;
        }
        break;
      case "Pass":
        state = { Type: "Pass", Result: entry.parameters, ...flow };
        break;
      case "Choice":
        state = {
          Type: "Choice",
          Choices: [{ Variable: "$.x", StringEquals: "a", Next: last ? `${names[i]} done` : names[i + 1] }],
          Default: last ? `${names[i]} done` : names[i + 1],
        };
        if (last) states[`${names[i]} done`] = { Type: "Succeed" };
        break;
      case "Wait":
        state = { Type: "Wait", Seconds: 1, ...flow };
        break;
      case "Parallel":
        state = { Type: "Parallel", Branches: nested.map((child) => build(child)), ...flow };
        break;
      case "Map":
        state = { Type: "Map", ItemProcessor: { ...build(nested[0]), ProcessorConfig: { Mode: "INLINE" } }, ...flow };
        break;
      case "DistributedMap":
        state = {
          Type: "Map",
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", Parameters: { Bucket: "items", Key: "items.json" } },
          ItemProcessor: { ...build(nested[0]), ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } },
          ...flow,
        };
        break;
      default:
        state = last ? { Type: "Succeed" } : { Type: "Pass", ...flow };
    }
    states[names[i]] = state;
  });
  return { StartAt: names[0], States: states };
}

// ---------------------------------------------------------------------------------------------
// Mutations

type Location = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every place in a JSON tree a value sits, parents before children. */
function locations(root: unknown): Location[] {
  const found: Location[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        found.push({ parent: node, key: i });
        pending.push(item);
      });
    } else if (typeof node === "object" && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        found.push({ parent: node as Record<string, unknown>, key });
        pending.push(item);
      }
    }
  }
  return found;
}

const read = ({ parent, key }: Location): unknown => (parent as Record<string | number, unknown>)[key];
const write = ({ parent, key }: Location, value: unknown) => {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
};

function deeply(value: unknown, levels: number): unknown {
  let wrapped = value;
  for (let i = 0; i < levels; i++) wrapped = i % 2 ? [wrapped] : { States: wrapped };
  return wrapped;
}

const mutation = fc.record({
  op: fc.constantFrom("delete", "replace", "retype", "number", "string", "deep", "cycle", "rename", "duplicate"),
  at: fc.nat(),
  value: payload,
  number: fc.constantFrom(...NUMBERS),
  text: fc.constantFrom(...STRINGS),
  levels: fc.constantFrom(5, 50, 300),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function applyMutation(root: Record<string, unknown>, m: Mutation, names: string[]): void {
  const all = locations(root);
  if (all.length === 0) return;
  const at = all[m.at % all.length];
  const current = read(at);
  switch (m.op) {
    case "delete":
      if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
      else delete at.parent[at.key as string];
      break;
    case "replace":
      write(at, m.value);
      break;
    case "retype":
      write(
        at,
        typeof current === "string"
          ? [current]
          : typeof current === "number"
            ? String(current)
            : Array.isArray(current)
              ? { ...current }
              : typeof current === "object" && current !== null
                ? Object.values(current)
                : String(current),
      );
      break;
    case "number":
      write(at, m.number);
      break;
    case "string":
      write(at, m.text);
      break;
    case "deep":
      write(at, deeply(current, m.levels));
      break;
    case "cycle":
      // Next (or Default) pointing back at an existing state, possibly itself.
      if (!Array.isArray(at.parent)) at.parent.Next = names[m.at % names.length];
      break;
    case "rename":
      if (!Array.isArray(at.parent)) {
        delete at.parent[at.key as string];
        write({ parent: at.parent, key: m.text }, current);
      }
      break;
    case "duplicate":
      if (!Array.isArray(at.parent)) write({ parent: at.parent, key: `${String(at.key)} copy` }, structuredClone(current));
      break;
  }
}

function stateNames(definition: Record<string, unknown>): string[] {
  return locations(definition)
    .filter(
      ({ parent, key }) =>
        !Array.isArray(parent) && typeof key === "string" && /^(Task|Pass|Choice|Wait|Parallel|Map|DistributedMap|Succeed) \d+/.test(key),
    )
    .map(({ key }) => key as string);
}

const options: fc.Arbitrary<AnalyzeOptions> = fc.record(
  {
    workflowType: fc.constantFrom("STANDARD" as const, "EXPRESS" as const),
    placeholders: fc.constantFrom(["Fn"], [], ["Missing", "Fn"]),
    callbacks: fc.constantFrom(["approvals"], [], ["approvals", "unused"]),
    region: fc.constantFrom("us-east-1", "cn-north-1"),
    account: fc.constant("123456789012"),
    partition: fc.constantFrom("aws", "aws-cn", "aws-us-gov"),
    stateMachineName: fc.constantFrom("orders", "${Name}"),
    customIntegrations: fc.constant({
      "nosuch:thing": { statements: [{ Effect: "Allow" as const, Action: ["nosuch:Thing"], Resource: ["*"] }] },
    }),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------

describe("analyze() on generated and mutated definitions", function () {
  this.timeout(20_000);

  it("handles any JSON value or string without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), options, (input, opts) => {
        analyzeChecked(input, opts);
      }),
      { numRuns: 400 },
    );
  });

  it("finds no structure errors in structurally valid machines, as objects or as JSON text", () => {
    fc.assert(
      fc.property(machineShape, options, (shape, opts) => {
        const definition = build(shape);
        const result = analyzeChecked(definition, opts);
        const structural = result.errors.filter((error) => error.rule.startsWith("asl-"));
        assert.deepEqual(structural, []);
        // The same definition as JSON text gives the same answer.
        const fromText = analyzeChecked(JSON.stringify(definition), opts);
        assert.deepEqual({ ...fromText, definition: undefined }, { ...result, definition: undefined });
      }),
      { numRuns: 400 },
    );
  });

  it("survives mutations of valid machines (deleted keys, swapped types, odd numbers and strings, deep nesting, cycles)", () => {
    fc.assert(
      fc.property(machineShape, fc.array(mutation, { minLength: 1, maxLength: 6 }), options, (shape, mutations, opts) => {
        const definition = build(shape);
        const names = stateNames(definition);
        for (const m of mutations) applyMutation(definition, m, names);
        analyzeChecked(definition, opts);
      }),
      { numRuns: 900 },
    );
  });

  it("survives mutations of the JSON text itself", () => {
    fc.assert(
      fc.property(
        machineShape,
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.constantFrom("", "{", "}", "[", '"', ",", "\\u0000", "${", "{%", "$$", "\u2028", "\ud800"),
        options,
        (shape, at, cut, insert, opts) => {
          const text = JSON.stringify(build(shape));
          const position = at % (text.length + 1);
          analyzeChecked(text.slice(0, position) + insert + text.slice(position + cut), opts);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(machineShape, fc.array(mutation, { maxLength: 3 }), options, (shape, mutations, opts) => {
        const definition = build(shape);
        const names = stateNames(definition);
        for (const m of mutations) applyMutation(definition, m, names);
        const text = JSON.stringify(definition);
        assert.deepEqual(analyze(text, opts), analyze(text, opts));
      }),
      { numRuns: 200 },
    );
  });
});

describe("regressions found by the properties above", () => {
  const machine = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    StartAt: Object.keys(states)[0],
    States: states,
    ...extra,
  });
  const pass = (fields: Record<string, unknown>) => ({ Type: "Pass", End: true, ...fields });

  it("a state that is null, a string, a number or an array is a schema error, not a crash", () => {
    for (const state of [null, "Pass", 5, true, [{ Type: "Pass", End: true }]]) {
      const result = analyzeChecked(machine({ A: state }));
      assert.deepEqual(
        result.errors.filter((error) => error.rule === "asl-schema"),
        [
          {
            severity: "error",
            rule: "asl-schema",
            state: "A",
            message: `${JSON.stringify(state)} is not a state: a state is a JSON object with a "Type"`,
            location: "/States/A",
          },
        ],
      );
    }
    for (const states of [null, "States", [1]]) {
      const result = analyzeChecked({ StartAt: "A", States: states });
      assert.deepEqual(
        result.errors.map((error) => [error.rule, error.state, error.message]),
        [["asl-schema", null, `States: ${JSON.stringify(states)} is not a JSON object of states`]],
      );
    }
  });

  it("payload keys named like ASL fields (States, Next, StartAt, Default, Branches, Iterator, Parameters) are payload", () => {
    const payloads = [
      { States: "abc" },
      { States: null },
      { States: { CA: "California" } },
      { Next: "page 2", Default: "x", StartAt: "y" },
      { Branches: [{}] },
      { Branches: "x" },
      { Iterator: 5 },
      { Parameters: null, ResultSelector: "x" },
    ];
    for (const payload of payloads) {
      const result = analyzeChecked(machine({ A: pass({ Result: payload, Parameters: payload }) }));
      assert.deepEqual(result.errors, [], JSON.stringify(payload));
    }
  });

  it("null and empty strings inside payload arrays are accepted", () => {
    assert.deepEqual(analyzeChecked(machine({ A: pass({ Parameters: { Ids: [null, "", 1] } }) })).errors, []);
  });

  it("a ${placeholder} Resource passes the schema", () => {
    assert.deepEqual(analyzeChecked(machine({ A: { Type: "Task", Resource: "${WorkerArn}", End: true } })).errors, []);
  });

  it("nesting hundreds of levels deep is reported, not a stack overflow", () => {
    for (const levels of [300, 100_000]) {
      const text = `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Result":${"[".repeat(levels)}${"]".repeat(levels)}}}}`;
      const result = analyzeChecked(text);
      assert.deepEqual(
        result.errors.map((error) => error.rule),
        ["definition-too-large"],
      );
    }
  });

  it("an object is analysed as the JSON it becomes: NaN and Infinity are null, undefined is dropped", () => {
    const result = analyzeChecked(
      machine({
        A: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Parameters: { FunctionName: "f" },
          TimeoutSeconds: NaN,
          HeartbeatSeconds: undefined,
          End: true,
        },
      }),
    );
    assert.deepEqual(
      result.errors.map((error) => [error.rule, error.state, error.message]),
      [["asl-schema", "A", "TimeoutSeconds: null is not a number of at most 99999999"]],
    );
    assert.deepEqual(result.tasks, [
      {
        state: "A",
        heartbeatSeconds: undefined,
        timeoutSeconds: undefined,
        placeholders: [],
        pattern: "request-response",
        kind: "optimized",
      },
    ]);
  });

  it("state names and keys such as __proto__ and constructor are plain names", () => {
    const text =
      '{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","Next":"constructor"},"constructor":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/q","constructor":"x"},"End":true}}}';
    const result = analyzeChecked(text);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.integrations.map((integration) => integration.state),
      ["constructor"],
    );
  });

  it("analyses 5,000 tasks, half of them with schema errors, with every resource and the first 1,000 errors", () => {
    // Speed is measured by make bench (tests/bench/analysis.js); this keeps the large case correct.
    const states: Record<string, unknown> = {};
    const count = 5000;
    for (let i = 0; i < count; i++) {
      states[`S${i}`] = {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage",
        Parameters: { QueueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/q${i}`, "Body.$": i % 2 ? "$.body" : "not a path" },
        ...(i < count - 1 ? { Next: `S${i + 1}` } : { End: true }),
      };
    }
    const result = analyzeChecked({ StartAt: "S0", States: states }, { placeholders: [] });
    assert.equal(result.errors.length, 1001);
    assert.equal(result.errors[1000].message, "1500 more errors are not listed (the first 1000 are); fix these and analyse again");
    assert.equal(result.statements[0].Resource.length, count);
  });
});
