/**
 * One describe per rule id analyze() can emit: a minimal definition that triggers it (at the top
 * level and inside Parallel branches and inline and DISTRIBUTED Map item processors), the exact
 * rule, severity and state path, the key part of the message, and the corrected definition on
 * which it stays silent.
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import { MAX_DEFINITION_BYTES } from "../../provider/src/analysis/parse";
import type { AnalysisResult, AnalyzeOptions, Diagnostic, Severity } from "../../provider/src/model/types";

const QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs";
const QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:jobs";
const CONTEXT: AnalyzeOptions = { region: "us-east-1", account: "123456789012" };

type State = Record<string, unknown>;

function machine(states: Record<string, State>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { StartAt: Object.keys(states)[0], States: states, ...extra };
}

function task(resource: string, fields: State = {}): State {
  return { Type: "Task", Resource: resource, End: true, ...fields };
}

/** A callback task that is right in every respect; tests break one thing at a time. */
function callbackTask(fields: State = {}): State {
  return task("arn:aws:states:::sqs:sendMessage.waitForTaskToken", {
    Parameters: { QueueUrl: QUEUE_URL, MessageBody: { "token.$": "$$.Task.Token" } },
    HeartbeatSeconds: 60,
    TimeoutSeconds: 3600,
    ...fields,
  });
}

/** Where a state can sit, and the path diagnostics then give it. */
const NESTINGS: Array<{ where: string; wrap: (name: string, state: State) => Record<string, unknown>; path: (name: string) => string }> = [
  { where: "at the top level", wrap: (name, state) => machine({ [name]: state }), path: (name) => name },
  {
    where: "in the second branch of a Parallel state",
    wrap: (name, state) =>
      machine({
        "Fan out": { Type: "Parallel", End: true, Branches: [machine({ First: { Type: "Pass", End: true } }), machine({ [name]: state })] },
      }),
    path: (name) => `Fan out > branch 2 > ${name}`,
  },
  {
    where: "in an inline Map's item processor",
    wrap: (name, state) =>
      machine({
        "Each order": { Type: "Map", End: true, ItemProcessor: { ProcessorConfig: { Mode: "INLINE" }, ...machine({ [name]: state }) } },
      }),
    path: (name) => `Each order > ${name}`,
  },
  {
    where: "in a DISTRIBUTED Map inside a Parallel branch",
    wrap: (name, state) =>
      machine({
        "Fan out": {
          Type: "Parallel",
          End: true,
          Branches: [
            machine({
              Batch: {
                Type: "Map",
                End: true,
                ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, ...machine({ [name]: state }) },
              },
            }),
          ],
        },
      }),
    path: (name) => `Fan out > branch 1 > Batch > ${name}`,
  },
];

function all(result: AnalysisResult): Diagnostic[] {
  return [...result.errors, ...result.warnings];
}

function withRule(result: AnalysisResult, rule: string): Diagnostic[] {
  return all(result).filter((diagnostic) => diagnostic.rule === rule);
}

/** Exactly one diagnostic with this rule, with the given severity, state path and message. */
function expectOne(result: AnalysisResult, rule: string, severity: Severity, state: string | null, message: RegExp): Diagnostic {
  const found = withRule(result, rule);
  assert.equal(found.length, 1, `expected one ${rule}, got ${JSON.stringify(all(result), null, 2)}`);
  const [diagnostic] = found;
  assert.deepEqual({ severity: diagnostic.severity, state: diagnostic.state }, { severity, state });
  assert.match(diagnostic.message, message);
  assert.equal(result.ok, result.errors.length === 0);
  if (severity === "error") assert.equal(result.ok, false);
  return diagnostic;
}

function expectNone(result: AnalysisResult, rule: string): void {
  assert.deepEqual(withRule(result, rule), []);
}

/**
 * No diagnostic, apart from the reminder every literal queue or topic gets about its KMS key
 * (rule kms-key-unknown, tested on its own below).
 */
function expectClean(result: AnalysisResult): void {
  assert.deepEqual(
    all(result).filter((diagnostic) => diagnostic.rule !== "kms-key-unknown"),
    [],
  );
  assert.equal(result.ok, true);
}

// -------------------------------------------------------------------------------------------------

describe("rule invalid-json", () => {
  it("reports text that does not parse, at document level", () => {
    const result = analyze('{ "StartAt": "A", ');
    expectOne(result, "invalid-json", "error", null, /^the definition is not valid JSON: /);
    assert.equal(result.definition, undefined);
    assert.deepEqual([result.integrations, result.statements, result.tasks], [[], [], []]);
  });

  it("reports JSON that is not an object, given as text or as a value", () => {
    for (const input of ["[]", "42", "null", '"text"', [], 42, null, undefined, () => 1]) {
      expectOne(analyze(input), "invalid-json", "error", null, /^the definition must be a JSON object with StartAt and States$/);
    }
  });

  it("reports an object that cannot be written as JSON", () => {
    const cyclic: Record<string, unknown> = { StartAt: "A", States: {} };
    cyclic.self = cyclic;
    expectOne(analyze(cyclic), "invalid-json", "error", null, /^the definition cannot be written as JSON: .*circular/i);
    expectOne(analyze({ StartAt: "A", big: BigInt(1) }), "invalid-json", "error", null, /cannot be written as JSON/);
  });

  it("accepts the same definition as text and as an object, with the same result", () => {
    const definition = machine({ Ask: callbackTask() });
    const fromText = analyze(JSON.stringify(definition, null, 2), CONTEXT);
    const fromObject = analyze(definition, CONTEXT);
    expectClean(fromText);
    assert.deepEqual(fromText, fromObject);
  });
});

describe("rule definition-too-large", () => {
  /** A valid definition of exactly `bytes` bytes of JSON text; `fill` is a 1- or 2-byte character. */
  function definitionOfSize(bytes: number, fill = "x"): string {
    const empty = JSON.stringify(machine({ Pad: { Type: "Pass", Result: "", End: true } }));
    const room = bytes - Buffer.byteLength(empty);
    const width = Buffer.byteLength(fill);
    const text = JSON.stringify(
      machine({ Pad: { Type: "Pass", Result: fill.repeat(Math.floor(room / width)) + "x".repeat(room % width), End: true } }),
    );
    assert.equal(Buffer.byteLength(text), bytes);
    return text;
  }

  it("accepts exactly 1 MiB and reports one byte more, counted in UTF-8 bytes", () => {
    expectClean(analyze(definitionOfSize(MAX_DEFINITION_BYTES)));
    expectOne(
      analyze(definitionOfSize(MAX_DEFINITION_BYTES + 1)),
      "definition-too-large",
      "error",
      null,
      /^the definition is 1048577 bytes; Step Functions accepts at most 1048576 \(1 MiB\)/,
    );
    // 600 Ki two-byte characters: under the limit in characters, over it in bytes.
    const multiByte = definitionOfSize(MAX_DEFINITION_BYTES + 2, "é");
    assert.ok(multiByte.length < MAX_DEFINITION_BYTES);
    expectOne(analyze(multiByte), "definition-too-large", "error", null, /is 1048578 bytes/);
  });

  it("measures an object as its compact JSON", () => {
    const text = definitionOfSize(MAX_DEFINITION_BYTES + 1);
    expectOne(analyze(JSON.parse(text)), "definition-too-large", "error", null, /is 1048577 bytes/);
    expectClean(analyze(JSON.parse(definitionOfSize(MAX_DEFINITION_BYTES))));
  });

  it("stops at an oversized definition: its other problems wait until it fits", () => {
    const text = definitionOfSize(MAX_DEFINITION_BYTES + 1).replace('"End":true', '"Next":"Nowhere"');
    const result = analyze(text);
    assert.deepEqual(
      result.errors.map((error) => error.rule),
      ["definition-too-large"],
    );
    assert.equal(result.definition, undefined);
  });

  it("stops at a definition of many megabytes without analysing its states", () => {
    const states = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`s${i}`, { Type: "Pass", Next: "Nowhere" }]));
    const result = analyze(JSON.stringify(machine(states)));
    assert.deepEqual(
      result.errors.map((error) => [error.rule, error.message.slice(0, 40)]),
      [["definition-too-large", "the definition is 8488917 bytes; Step Fu"]],
    );
    assert.deepEqual([result.warnings, result.statements, result.tasks], [[], [], []]);
  });

  it("reports nesting too deep to analyse, and stops there", () => {
    const deep = JSON.parse("[".repeat(300) + "]".repeat(300));
    const result = analyze(machine({ Pad: { Type: "Pass", Result: deep, End: true } }));
    expectOne(result, "definition-too-large", "error", null, /^the definition nests objects and arrays more than 256 levels deep/);
    assert.equal(result.errors.length, 1);
    expectClean(analyze(machine({ Pad: { Type: "Pass", Result: JSON.parse("[".repeat(200) + "]".repeat(200)), End: true } })));
  });
});

describe("rule too-many-diagnostics", () => {
  it("lists the first 1,000 errors of a 64,000-state definition under 1 MiB and counts the rest", () => {
    // Every state lacks its Type and is unreachable or not: 64,000 states, 128,000 errors.
    const states = Object.fromEntries(Array.from({ length: 64_000 }, (_, i) => [i.toString(36), {}]));
    const text = JSON.stringify({ StartAt: "0", States: states });
    assert.ok(Buffer.byteLength(text) < MAX_DEFINITION_BYTES);
    const result = analyze(text);
    assert.equal(result.errors.length, 1001);
    assert.deepEqual(result.errors[0], {
      severity: "error",
      rule: "asl-schema",
      state: "0",
      message: 'missing required field "Type"',
      location: "/States/0",
    });
    assert.deepEqual(result.errors[1000], {
      severity: "error",
      rule: "too-many-diagnostics",
      state: null,
      message: "127000 more errors are not listed (the first 1000 are); fix these and analyse again",
    });
  });

  it("lists every diagnostic up to the limit", () => {
    // A chain of 1,000 states, each with one unknown field: exactly 1,000 errors.
    const states = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`s${i}`, { Type: "Pass", Bogus: 1, ...(i < 999 ? { Next: `s${i + 1}` } : { End: true }) }]),
    );
    const result = analyze(JSON.stringify({ StartAt: "s0", States: states }));
    assert.equal(withRule(result, "asl-schema").length, 1000);
    assert.equal(result.errors.length, 1000);
  });
});

describe("rule asl-schema", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`names the field and the state ${where}`, () => {
      const result = analyze(wrap("Ask", { Type: "Task", End: true }));
      expectOne(result, "asl-schema", "error", path("Ask"), /^missing required field "Resource"$/);
      expectNone(
        analyze(wrap("Ask", { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "f" }, End: true })),
        "asl-schema",
      );
    });
  }

  it("reports unknown fields, bad paths, unknown state types and misplaced JSONPath states", () => {
    expectOne(
      analyze(machine({ A: { Type: "Pass", Nxt: "B", End: true } })),
      "asl-schema",
      "error",
      "A",
      /^Nxt: unknown field "Nxt" in a Pass state; did you mean "Next"\?$/,
    );
    expectOne(
      analyze(machine({ A: { Type: "Pass", OutputPath: "result", End: true } })),
      "asl-schema",
      "error",
      "A",
      /^OutputPath: "result" is not a JSONPath path or null$/,
    );
    expectOne(
      analyze(machine({ A: { Type: "Nope", End: true } })),
      "asl-schema",
      "error",
      "A",
      /^Type "Nope" is not a state type; use one of Task, Pass/,
    );
    expectOne(
      analyze(machine({ A: { Type: "Pass", QueryLanguage: "JSONPath", End: true } }, { QueryLanguage: "JSONata" })),
      "asl-schema",
      "error",
      "A",
      /^QueryLanguage: a state cannot use JSONPath when the state machine's QueryLanguage is JSONata$/,
    );
    expectOne(
      analyze(machine({ A: null as unknown as State })),
      "asl-schema",
      "error",
      "A",
      /^null is not a state: a state is a JSON object/,
    );
    expectOne(
      analyze(machine({ A: { Type: "Pass", End: true } }, { TimeoutSeconds: "3" })),
      "asl-schema",
      "error",
      null,
      /^TimeoutSeconds: "3" is not a number of at most 99999999$/,
    );
  });

  it("checks each string format the schema names with its own validator", () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [
        machine({ W: { Type: "Wait", Timestamp: "2026-02-30T00:00:00Z", End: true } }),
        "W",
        /^Timestamp: "2026-02-30T00:00:00Z" is not an RFC 3339 timestamp/,
      ],
      [
        machine({
          C: { Type: "Choice", Choices: [{ Variable: "$.a[?(@.x)]", IsPresent: true, Next: "D" }], Default: "D" },
          D: { Type: "Succeed" },
        }),
        "C",
        /^Choices\[0\]\.Variable: "\$\.a\[\?\(@\.x\)\]" is not a JSONPath reference path$/,
      ],
      [machine({ P: { Type: "Pass", ResultPath: "$.a[*]", End: true } }), "P", /^ResultPath: "\$\.a\[\*\]" is not a JSONPath result path/],
      [
        machine({ P: { Type: "Pass", Parameters: { "a.$": "States.Nope(" }, End: true } }),
        "P",
        /^Parameters\.a\.\$: "States\.Nope\(" is not a JSONPath path or intrinsic function$/,
      ],
      [
        machine({ P: { Type: "Pass", Output: "{% $x + %}", End: true } }, { QueryLanguage: "JSONata" }),
        "P",
        /^Output: "\{% \$x \+ %\}" is not a valid JSONata expression$/,
      ],
    ];
    for (const [definition, state, message] of cases) expectOne(analyze(definition), "asl-schema", "error", state, message);
    expectClean(analyze(machine({ W: { Type: "Wait", Timestamp: "2026-02-28T23:59:59Z", End: true } })));
    expectClean(analyze(machine({ P: { Type: "Pass", ResultPath: "$.a.b", Parameters: { "n.$": "States.MathAdd($.x, 1)" }, End: true } })));
  });

  it("accepts a Resource written as a ${placeholder}, and payloads that use ASL field names as keys", () => {
    expectClean(analyze(machine({ A: task("${WorkerArn}") })));
    const payload = { Next: "page 2", States: null, StartAt: "x", Branches: "x", Iterator: [1], Parameters: null, Default: "y" };
    expectClean(analyze(machine({ A: { Type: "Pass", Result: payload, Parameters: { ...payload, Ids: [null, ""] }, End: true } })));
  });
});

describe("rule asl-transition", () => {
  it("reports a Next that names no state", () => {
    const result = analyze(machine({ A: { Type: "Pass", Next: "Nowhere" }, B: { Type: "Succeed" } }));
    const diagnostic = withRule(result, "asl-transition").find((d) => d.state === "A");
    assert.deepEqual(diagnostic, {
      severity: "error",
      rule: "asl-transition",
      state: "A",
      message: 'Next "Nowhere" is not a state of the state machine',
      location: "/States/A/Next",
    });
    expectNone(analyze(machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Succeed" } })), "asl-transition");
  });

  it("reports a Parallel branch state that leaves its branch", () => {
    const result = analyze(
      machine({
        "Fan out": { Type: "Parallel", Next: "Done", Branches: [machine({ Left: { Type: "Pass", Next: "Done" } })] },
        Done: { Type: "Succeed" },
      }),
    );
    expectOne(
      result,
      "asl-transition",
      "error",
      "Fan out > branch 1 > Left",
      /^Next "Done" is not a state of branch 1 of "Fan out" \(a state in a Parallel branch/,
    );
  });

  it("reports a Map item processor state that leaves its processor, inline or DISTRIBUTED", () => {
    for (const config of [{ Mode: "INLINE" }, { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" }]) {
      const result = analyze(
        machine({
          Each: {
            Type: "Map",
            Next: "Done",
            ItemProcessor: { ProcessorConfig: config, ...machine({ Work: { Type: "Pass", Next: "Done" } }) },
          },
          Done: { Type: "Succeed" },
        }),
      );
      expectOne(result, "asl-transition", "error", "Each > Work", /^Next "Done" is not a state of the item processor of "Each"/);
    }
  });

  it("reports Choices, Default and Catch targets and the StartAt of a branch", () => {
    const result = analyze(
      machine({
        Pick: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "Gone" }], Default: "Lost" },
        Try: task("arn:aws:states:::lambda:invoke", {
          Parameters: { FunctionName: "f" },
          Catch: [{ ErrorEquals: ["States.ALL"], Next: "Away" }],
        }),
        Split: { Type: "Parallel", End: true, Branches: [{ StartAt: "Missing", States: { Here: { Type: "Succeed" } } }] },
      }),
    );
    const messages = withRule(result, "asl-transition").map((d) => `${d.state}: ${d.message}`);
    assert.ok(messages.includes('Pick: Choices[0].Next "Gone" is not a state of the state machine'), messages.join("\n"));
    assert.ok(messages.includes('Pick: Default "Lost" is not a state of the state machine'));
    assert.ok(messages.includes('Try: Catch[0].Next "Away" is not a state of the state machine'));
    assert.ok(messages.includes('Split > branch 1: StartAt "Missing" is not a state of branch 1 of "Split"'));
  });
});

describe("rule asl-unreachable-state", () => {
  it("reports a state nothing leads to, and a loop no path from StartAt enters", () => {
    const result = analyze(machine({ A: { Type: "Pass", End: true }, Orphan: { Type: "Pass", End: true } }));
    expectOne(result, "asl-unreachable-state", "error", "Orphan", /leads to "Orphan": it is unreachable$/);
    const loop = analyze(machine({ A: { Type: "Pass", End: true }, B: { Type: "Pass", Next: "C" }, C: { Type: "Pass", Next: "B" } }));
    assert.deepEqual(
      withRule(loop, "asl-unreachable-state").map((d) => d.state),
      ["B", "C"],
    );
    expectNone(analyze(machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", End: true } })), "asl-unreachable-state");
  });
});

describe("rule asl-duplicate-state", () => {
  it("reports the second state of a name, anywhere in the machine", () => {
    const branch = () => machine({ Ask: { Type: "Pass", End: true } });
    const result = analyze(machine({ "Fan out": { Type: "Parallel", End: true, Branches: [branch(), branch()] } }));
    expectOne(
      result,
      "asl-duplicate-state",
      "error",
      "Fan out > branch 2 > Ask",
      /^"Ask" is also the name of Fan out > branch 1 > Ask; state names must be unique/,
    );
    const renamed = machine({
      "Fan out": { Type: "Parallel", End: true, Branches: [branch(), machine({ Ask2: { Type: "Pass", End: true } })] },
    });
    expectClean(analyze(renamed));
  });
});

describe("rule asl-terminal-state", () => {
  it("reports a machine whose states only loop, at the top level (state null) and in a branch", () => {
    const loop = { A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", Next: "A" } };
    expectOne(analyze(machine(loop)), "asl-terminal-state", "error", null, /^the state machine has no terminal state/);
    const nested = analyze(
      machine({ Split: { Type: "Parallel", End: true, Branches: [machine({ Done: { Type: "Succeed" } }), machine(loop)] } }),
    );
    expectOne(nested, "asl-terminal-state", "error", "Split > branch 2", /^branch 2 of "Split" has no terminal state/);
    expectClean(analyze(machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", End: true } })));
  });
});

describe("rule asl-structure", () => {
  it("reports fields that exclude each other or are all missing", () => {
    expectOne(
      analyze(machine({ Pause: { Type: "Wait", End: true } })),
      "asl-structure",
      "error",
      "Pause",
      /^a Wait state needs exactly one of "Seconds", "SecondsPath", "Timestamp", "TimestampPath"$/,
    );
    expectOne(
      analyze(machine({ A: { Type: "Pass", Next: "B", End: true }, B: { Type: "Succeed" } })),
      "asl-structure",
      "error",
      "A",
      /^exactly one of "Next", "End" is allowed, found Next, End$/,
    );
    expectClean(analyze(machine({ Pause: { Type: "Wait", Seconds: 5, End: true } })));
  });

  it("reports a payload field written both plain and with .$", () => {
    const result = analyze(machine({ A: { Type: "Pass", Parameters: { order: { id: "1", "id.$": "$.id" } }, End: true } }));
    expectOne(result, "asl-structure", "error", "A", /^Parameters\.order: "id" and "id\.\$" are the same field once "\.\$" is stripped/);
    expectClean(analyze(machine({ A: { Type: "Pass", Parameters: { order: { "id.$": "$.id" } }, End: true } })));
  });
});

describe("rule unknown-placeholder", () => {
  const notify = task("arn:aws:states:::sns:publish", { Parameters: { TopicArn: "${AlertTopic}", Message: "${Greeting}" } });
  const definition = machine({ Notify: notify });

  for (const { where, wrap, path } of NESTINGS) {
    it(`reports a placeholder that is not declared, at the innermost state using it, ${where}`, () => {
      const result = analyze(wrap("Notify", notify), { placeholders: ["AlertTopic"] });
      expectOne(
        result,
        "unknown-placeholder",
        "error",
        path("Notify"),
        /^\$\{Greeting\} is not a known placeholder; add it to definitionSubstitutions \(known: AlertTopic\)$/,
      );
    });
  }

  it("reports a placeholder outside any state at document level", () => {
    const result = analyze({ ...definition, Comment: "${Version}" }, { placeholders: ["AlertTopic", "Greeting"] });
    expectOne(result, "unknown-placeholder", "error", null, /^\$\{Version\} is not a known placeholder/);
  });

  it("is silent when every placeholder is declared, and when placeholders are not checked", () => {
    expectNone(analyze(definition, { placeholders: ["AlertTopic", "Greeting"] }), "unknown-placeholder");
    expectNone(analyze(definition), "unknown-placeholder");
  });
});

describe("rule undeclared-callback", () => {
  const ask = callbackTask({ Parameters: { QueueUrl: "${callbacks.reviews.queueUrl}", MessageBody: { "token.$": "$$.Task.Token" } } });
  const definition = machine({ Ask: ask });

  for (const { where, wrap, path } of NESTINGS) {
    it(`reports a callback placeholder whose callback is not declared ${where}`, () => {
      const result = analyze(wrap("Ask", ask), { placeholders: [], callbacks: ["approvals"] });
      expectOne(
        result,
        "undeclared-callback",
        "error",
        path("Ask"),
        /^\$\{callbacks\.reviews\.queueUrl\} refers to callback "reviews", which is not declared; add callbacks: \{ reviews: \{\} \} \(declared: approvals\)$/,
      );
    });
  }

  it("is silent once the callback is declared", () => {
    const result = analyze(definition, { placeholders: [], callbacks: ["reviews"] });
    expectNone(result, "undeclared-callback");
    assert.deepEqual(result.statements, [{ Effect: "Allow", Action: ["sqs:SendMessage"], Resource: ["${callbacks.reviews.queueArn}"] }]);
  });
});

describe("rule unused-callback", () => {
  it("warns about a declared callback the definition never uses", () => {
    const result = analyze(machine({ Ask: callbackTask() }), { placeholders: [], callbacks: ["approvals"] });
    expectOne(
      result,
      "unused-callback",
      "warning",
      null,
      /^callback "approvals" is declared but the definition never uses \$\{callbacks\.approvals\.queueUrl\}/,
    );
    assert.equal(result.ok, true);
  });

  it("is silent when the queue URL or the queue ARN is used", () => {
    const byUrl = machine({
      Ask: callbackTask({ Parameters: { QueueUrl: "${callbacks.approvals.queueUrl}", "MessageBody.$": "$$.Task.Token" } }),
    });
    const byArn = machine({ Pass: { Type: "Pass", Result: "${callbacks.approvals.queueArn}", End: true } });
    for (const definition of [byUrl, byArn])
      expectNone(analyze(definition, { placeholders: [], callbacks: ["approvals"] }), "unused-callback");
  });
});

describe("rule timeout-not-positive", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`reports zero, negative and fractional task timeouts ${where}`, () => {
      for (const [field, value] of [
        ["TimeoutSeconds", 0],
        ["HeartbeatSeconds", -5],
        ["TimeoutSeconds", 1.5],
      ] as const) {
        const result = analyze(wrap("Ask", callbackTask({ HeartbeatSeconds: undefined, TimeoutSeconds: undefined, [field]: value })));
        expectOne(
          result,
          "timeout-not-positive",
          "error",
          path("Ask"),
          new RegExp(`^${field} is ${value}; it must be a positive whole number of seconds$`),
        );
      }
      expectNone(analyze(wrap("Ask", callbackTask({ HeartbeatSeconds: 1, TimeoutSeconds: 2 }))), "timeout-not-positive");
    });
  }

  it("reports the state machine's own TimeoutSeconds at document level", () => {
    expectOne(
      analyze(machine({ A: { Type: "Pass", End: true } }, { TimeoutSeconds: 0 })),
      "timeout-not-positive",
      "error",
      null,
      /^TimeoutSeconds is 0;/,
    );
    expectClean(analyze(machine({ A: { Type: "Pass", End: true } }, { TimeoutSeconds: 1 })));
  });
});

describe("rule heartbeat-not-below-timeout", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`reports a heartbeat equal to or above the timeout ${where}`, () => {
      for (const heartbeat of [600, 601]) {
        const result = analyze(wrap("Ask", callbackTask({ HeartbeatSeconds: heartbeat, TimeoutSeconds: 600 })));
        expectOne(
          result,
          "heartbeat-not-below-timeout",
          "error",
          path("Ask"),
          new RegExp(`^HeartbeatSeconds \\(${heartbeat}\\) must be smaller than TimeoutSeconds \\(600\\)`),
        );
      }
      expectNone(analyze(wrap("Ask", callbackTask({ HeartbeatSeconds: 599, TimeoutSeconds: 600 }))), "heartbeat-not-below-timeout");
    });
  }
});

describe("rule express-pattern", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`reports .waitForTaskToken and .sync in an EXPRESS workflow ${where}`, () => {
      const callback = analyze(wrap("Ask", callbackTask()), { workflowType: "EXPRESS" });
      expectOne(
        callback,
        "express-pattern",
        "error",
        path("Ask"),
        /^sqs:sendMessage\.waitForTaskToken cannot run in an EXPRESS workflow, which supports request-response integrations only/,
      );
      const sync = analyze(
        wrap(
          "Run",
          task("arn:aws:states:::states:startExecution.sync:2", {
            Parameters: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:child" },
          }),
        ),
        {
          workflowType: "EXPRESS",
        },
      );
      expectOne(sync, "express-pattern", "error", path("Run"), /^states:startExecution\.sync:2 cannot run in an EXPRESS workflow/);
      expectNone(analyze(wrap("Ask", callbackTask()), { workflowType: "STANDARD" }), "express-pattern");
    });
  }

  it("is silent for request-response tasks in EXPRESS", () => {
    expectClean(
      analyze(machine({ Send: task("arn:aws:states:::sqs:sendMessage", { Parameters: { QueueUrl: QUEUE_URL, MessageBody: "hi" } }) }), {
        workflowType: "EXPRESS",
      }),
    );
  });
});

describe("rule express-activity", () => {
  const activity = task("arn:aws:states:us-east-1:123456789012:activity:review");

  for (const { where, wrap, path } of NESTINGS) {
    it(`reports an activity in an EXPRESS workflow ${where}`, () => {
      expectOne(
        analyze(wrap("Review", activity), { workflowType: "EXPRESS" }),
        "express-activity",
        "error",
        path("Review"),
        /^EXPRESS workflows cannot run activities/,
      );
    });
  }

  it("is silent in STANDARD, where an activity needs no role permission", () => {
    const result = analyze(machine({ Review: activity }));
    expectClean(result);
    assert.deepEqual(result.statements, []);
    assert.deepEqual(result.integrations, [
      {
        state: "Review",
        resource: "arn:aws:states:us-east-1:123456789012:activity:review",
        kind: "activity",
        service: "states",
        action: "activity",
        pattern: "callback",
      },
    ]);
  });
});

describe("rule express-distributed-map", () => {
  const distributed = (mode: string) => ({
    Type: "Map",
    End: true,
    ItemProcessor: {
      ProcessorConfig: mode === "INLINE" ? { Mode: "INLINE" } : { Mode: mode, ExecutionType: "EXPRESS" },
      ...machine({ Work: { Type: "Pass", End: true } }),
    },
  });

  it("reports a Distributed Map in an EXPRESS workflow, top level and in a branch", () => {
    expectOne(
      analyze(machine({ Batch: distributed("DISTRIBUTED") }), { workflowType: "EXPRESS" }),
      "express-distributed-map",
      "error",
      "Batch",
      /^a Distributed Map cannot run in an EXPRESS workflow/,
    );
    const nested = machine({ Split: { Type: "Parallel", End: true, Branches: [machine({ Batch: distributed("DISTRIBUTED") })] } });
    expectOne(
      analyze(nested, { workflowType: "EXPRESS" }),
      "express-distributed-map",
      "error",
      "Split > branch 1 > Batch",
      /use workflowType STANDARD or an INLINE map$/,
    );
  });

  it("is silent for an inline Map in EXPRESS and a Distributed Map in STANDARD", () => {
    expectClean(analyze(machine({ Batch: distributed("INLINE") }), { workflowType: "EXPRESS" }));
    expectClean(analyze(machine({ Batch: distributed("DISTRIBUTED") })));
  });
});

describe("rule context-path-single-dollar", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`warns when a .$ field reads a context field from the state input (one "$" eaten by YAML) ${where}`, () => {
      const result = analyze(
        wrap(
          "Ask",
          task("arn:aws:states:::lambda:invoke", { Parameters: { FunctionName: "f", "Payload.$": "States.Format('{}', $.Execution.Id)" } }),
        ),
      );
      expectOne(
        result,
        "context-path-single-dollar",
        "warning",
        path("Ask"),
        /^Parameters reads "\$\.Execution\.Id" from the state input; the context object is "\$\$\.Execution\.Id": .*write "\$\$\.Execution\.Id" as "\$\$\$\$\.Execution\.Id" inline, or keep the definition in a JSON file and load it with fn::readFile$/,
      );
    });
  }

  it("covers the Map item in ItemSelector, and is silent for $$ paths, state input paths and JSONata", () => {
    const map = (selector: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      machine({
        Each: { Type: "Map", End: true, ItemSelector: selector, ItemProcessor: machine({ Do: { Type: "Pass", End: true } }), ...extra },
      });
    expectOne(analyze(map({ "item.$": "$.Map.Item.Value" })), "context-path-single-dollar", "warning", "Each", /"\$\.Map\.Item\.Value"/);
    expectNone(analyze(map({ "item.$": "$$.Map.Item.Value", "id.$": "$.Mapping.Id", "task.$": "$.Tasks" })), "context-path-single-dollar");
    expectNone(analyze(map({ item: "$.Map.Item.Value" }, { QueryLanguage: "JSONata" })), "context-path-single-dollar");
  });
});

describe("rule missing-task-token", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`reports a callback task that never passes the token ${where}`, () => {
      const result = analyze(
        wrap("Ask", callbackTask({ Parameters: { QueueUrl: QUEUE_URL, MessageBody: { "id.$": "$$.Execution.Id" } } })),
      );
      expectOne(
        result,
        "missing-task-token",
        "error",
        path("Ask"),
        /^sqs:sendMessage\.waitForTaskToken never passes the task token, so nothing can complete the task; add it to the Parameters \(for example "token\.\$": "\$\$\.Task\.Token"\)$/,
      );
    });
  }

  const jsonPathForms = [
    "$$.Task.Token",
    "$$.Task",
    "$$",
    "$$['Task']['Token']",
    "States.Format('{}', $$.Task.Token)",
    "States.JsonToString($$.Task)",
    "States.Array($$.Execution.Id, $$.Task.Token)",
  ];
  for (const token of jsonPathForms) {
    it(`accepts ${token} in a .$ field of Parameters`, () => {
      expectNone(
        analyze(machine({ Ask: callbackTask({ Parameters: { QueueUrl: QUEUE_URL, MessageBody: { "token.$": token } } }) })),
        "missing-task-token",
      );
    });
  }

  const notTokens = ["$$.Execution.Id", "$$.Task.TokenX", "States.Format('$$.Task.Token {}', $.id)"];
  for (const other of notTokens) {
    it(`does not take ${other} for the token`, () => {
      const result = analyze(machine({ Ask: callbackTask({ Parameters: { QueueUrl: QUEUE_URL, MessageBody: { "token.$": other } } }) }));
      expectOne(result, "missing-task-token", "error", "Ask", /never passes the task token/);
    });
  }

  for (const eaten of ["$.Task.Token", "States.Format('{}', $.Task.Token)"]) {
    it(`says one "$" of $$.Task.Token was probably eaten by Pulumi YAML when the task passes ${eaten}, with both fixes`, () => {
      const result = analyze(machine({ Ask: callbackTask({ Parameters: { QueueUrl: QUEUE_URL, MessageBody: { "token.$": eaten } } }) }));
      expectOne(
        result,
        "missing-task-token",
        "error",
        "Ask",
        /^sqs:sendMessage\.waitForTaskToken passes "\$\.Task\.Token", the state input's field, not the task token "\$\$\.Task\.Token", so nothing can complete the task; if this definition is written inline in Pulumi YAML, YAML read "\$\$" as an escaped "\$" and one "\$" was eaten: write "\$\$\.Task\.Token" as "\$\$\$\$\.Task\.Token" inline, or keep the definition in a JSON file and load it with fn::readFile$/,
      );
      expectNone(result, "context-path-single-dollar");
    });
  }

  it("does not take $$.Task.Token written in a field without .$ (a literal string)", () => {
    const result = analyze(
      machine({ Ask: callbackTask({ Parameters: { QueueUrl: QUEUE_URL, MessageBody: { token: "$$.Task.Token" } } }) }),
    );
    expectOne(result, "missing-task-token", "error", "Ask", /never passes the task token/);
  });

  const jsonataArguments = (body: unknown) => ({ QueueUrl: QUEUE_URL, MessageBody: body });
  it("reads Arguments with JSONata, whether the state or the whole machine uses it", () => {
    const forms = [
      "{% $states.context.Task.Token %}",
      "{% $states.context.Task %}",
      "{% $states.context %}",
      "{% {'token': $states.context.Task.Token} %}",
      "{% $string($states.context.Task.Token) %}",
    ];
    for (const token of forms) {
      const stateLevel = machine({
        Ask: callbackTask({ QueryLanguage: "JSONata", Parameters: undefined, Arguments: jsonataArguments(token) }),
      });
      expectNone(analyze(stateLevel), "missing-task-token");
      const topLevel = machine(
        { Ask: callbackTask({ Parameters: undefined, Arguments: jsonataArguments(token) }) },
        { QueryLanguage: "JSONata" },
      );
      expectNone(analyze(topLevel), "missing-task-token");
    }
    const whole = machine(
      {
        Ask: callbackTask({
          Parameters: undefined,
          Arguments: `{% {'QueueUrl': '${QUEUE_URL}', 'MessageBody': $states.context.Task.Token} %}`,
        }),
      },
      { QueryLanguage: "JSONata" },
    );
    expectNone(analyze(whole), "missing-task-token");
  });

  it("reports JSONata Arguments without the token, and suggests the JSONata form", () => {
    for (const body of ["{% $states.context.Execution.Id %}", "$states.context.Task.Token", "{% $states.input.token %}"]) {
      const result = analyze(
        machine({ Ask: callbackTask({ Parameters: undefined, Arguments: jsonataArguments(body) }) }, { QueryLanguage: "JSONata" }),
      );
      expectOne(
        result,
        "missing-task-token",
        "error",
        "Ask",
        /add it to the Arguments \(for example \{% \$states\.context\.Task\.Token %\}\)$/,
      );
    }
  });

  it("reads Parameters, not Arguments, for a JSONPath state under a JSONata Parallel state", () => {
    const definition = machine({
      Split: { Type: "Parallel", QueryLanguage: "JSONata", End: true, Branches: [machine({ Ask: callbackTask() })] },
    });
    expectClean(analyze(definition));
  });
});

describe("rule callback-without-heartbeat", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`warns about a callback task without HeartbeatSeconds ${where}`, () => {
      const result = analyze(wrap("Ask", callbackTask({ HeartbeatSeconds: undefined, TimeoutSeconds: undefined })));
      expectOne(
        result,
        "callback-without-heartbeat",
        "warning",
        path("Ask"),
        /^callback task has no HeartbeatSeconds: if its worker dies the execution waits up to a year \(31536000 s\)/,
      );
      assert.equal(result.ok, true);
    });
  }

  it("says how long it waits when TimeoutSeconds is set, and is silent with HeartbeatSeconds or HeartbeatSecondsPath", () => {
    expectOne(
      analyze(machine({ Ask: callbackTask({ HeartbeatSeconds: undefined }) })),
      "callback-without-heartbeat",
      "warning",
      "Ask",
      /waits until TimeoutSeconds \(3600\)/,
    );
    expectClean(analyze(machine({ Ask: callbackTask() }), CONTEXT));
    expectNone(
      analyze(machine({ Ask: callbackTask({ HeartbeatSeconds: undefined, HeartbeatSecondsPath: "$.heartbeat" }) })),
      "callback-without-heartbeat",
    );
  });
});

describe("rule unknown-resource", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`reports a Resource that is no Step Functions integration ${where}`, () => {
      for (const resource of ["arn:aws:s3:::bucket", "lambda:invoke", "arn:aws:states:::sqs", "arn:aws:lambda:us-east-1:123:function:f"]) {
        const result = analyze(wrap("Do", task(resource)));
        expectOne(
          result,
          "unknown-resource",
          "error",
          path("Do"),
          new RegExp(`^Resource "${resource.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}" is not a Step Functions integration`),
        );
      }
    });
  }

  it("is silent for the forms Step Functions accepts, and leaves ${placeholder} Resources for later", () => {
    for (const resource of [
      "arn:aws:lambda:us-east-1:123456789012:function:f",
      "arn:aws:states:us-east-1:123456789012:activity:a",
      "${Fn}",
    ]) {
      expectClean(analyze(machine({ Do: task(resource) })));
    }
  });
});

describe("rule unknown-integration", () => {
  const spin = task("arn:aws:states:::widgets:spin");
  const definition = machine({ Do: spin });

  for (const { where, wrap, path } of NESTINGS) {
    it(`reports a service integration the table does not know ${where}`, () => {
      const result = analyze(wrap("Do", spin));
      expectOne(
        result,
        "unknown-integration",
        "error",
        path("Do"),
        /^widgets:spin is not an integration sfn-workflows knows.*arn:aws:states:::aws-sdk:widgets:spin.*customIntegrations: \{ "widgets:spin"/,
      );
      assert.deepEqual(
        result.statements.filter((s) => s.Action.some((action) => action.startsWith("widgets:"))),
        [],
      );
    });
  }

  it("accepts it once declared in customIntegrations, with the statements given", () => {
    const statements = [
      { Effect: "Allow" as const, Action: ["widgets:Spin"], Resource: ["arn:aws:widgets:us-east-1:123456789012:widget/*"] },
    ];
    const result = analyze(definition, { customIntegrations: { "widgets:spin": { statements } } });
    expectClean(result);
    assert.deepEqual(result.statements, statements);
  });
});

describe("rule unsupported-pattern", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`reports a suffix the integration does not support ${where}`, () => {
      const result = analyze(wrap("Get", task("arn:aws:states:::dynamodb:getItem.sync", { Parameters: { TableName: "orders", Key: {} } })));
      expectOne(
        result,
        "unsupported-pattern",
        "error",
        path("Get"),
        /^dynamodb:getItem does not support \.sync \(dynamodb:getItem support: request-response\); change the Resource suffix$/,
      );
    });
  }

  it("reports .sync on an AWS SDK integration", () => {
    const result = analyze(machine({ Get: task("arn:aws:states:::aws-sdk:s3:getObject.sync", { Parameters: { Bucket: "b", Key: "k" } }) }));
    expectOne(
      result,
      "unsupported-pattern",
      "error",
      "Get",
      /^s3:getObject does not support \.sync \(AWS SDK integrations support: request-response, \.waitForTaskToken\)/,
    );
  });

  it("names request-response when a custom integration supports only other patterns", () => {
    const custom = {
      "widgets:spin": {
        patterns: ["callback" as const],
        statements: [{ Effect: "Allow" as const, Action: ["widgets:Spin"], Resource: ["*"] }],
      },
    };
    const result = analyze(machine({ Do: task("arn:aws:states:::widgets:spin") }), { customIntegrations: custom });
    expectOne(
      result,
      "unsupported-pattern",
      "error",
      "Do",
      /^widgets:spin does not support request-response \(widgets:spin support: \.waitForTaskToken\)/,
    );
  });

  it("is silent without the suffix", () => {
    expectClean(analyze(machine({ Get: task("arn:aws:states:::dynamodb:getItem", { Parameters: { TableName: "orders", Key: {} } }) })));
  });
});

describe("rule task-credentials", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`warns that a task with Credentials runs as another role ${where}`, () => {
      const state = task("arn:aws:states:::lambda:invoke", {
        Parameters: { FunctionName: "f" },
        Credentials: { RoleArn: "arn:aws:iam::210987654321:role/worker" },
      });
      const result = analyze(wrap("Call", state), CONTEXT);
      expectOne(
        result,
        "task-credentials",
        "warning",
        path("Call"),
        /^lambda:invoke runs with the role in Credentials: the execution role only gets sts:AssumeRole on it/,
      );
      assert.ok(
        result.statements.some(
          (s) => s.Action.join() === "sts:AssumeRole" && s.Resource.join() === "arn:aws:iam::210987654321:role/worker",
        ),
      );
      assert.ok(!result.statements.some((s) => s.Action.includes("lambda:InvokeFunction")));
    });
  }

  it("is silent without Credentials", () => {
    expectClean(analyze(machine({ Call: task("arn:aws:states:::lambda:invoke", { Parameters: { FunctionName: "f" } }) })));
  });
});

describe("rule dynamic-resource", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`warns when a resource is computed at run time ${where}`, () => {
      const result = analyze(
        wrap("Send", task("arn:aws:states:::sqs:sendMessage", { Parameters: { "QueueUrl.$": "$.queue", MessageBody: "hi" } })),
      );
      expectOne(
        result,
        "dynamic-resource",
        "warning",
        path("Send"),
        /^sqs:sendMessage: QueueUrl\.\$ is computed at run time, so its permissions are granted on "\*"/,
      );
      assert.ok(result.statements.some((s) => s.Action.includes("sqs:SendMessage") && s.Resource.join() === "*"));
    });
  }

  it("warns for a JSONata expression too, and is silent for a literal", () => {
    const jsonata = machine(
      { Send: task("arn:aws:states:::sqs:sendMessage", { Arguments: { QueueUrl: "{% $states.input.queue %}", MessageBody: "hi" } }) },
      { QueryLanguage: "JSONata" },
    );
    expectOne(analyze(jsonata), "dynamic-resource", "warning", "Send", /^sqs:sendMessage: QueueUrl is computed at run time/);
    const literal = analyze(
      machine({ Send: task("arn:aws:states:::sqs:sendMessage", { Parameters: { QueueUrl: QUEUE_URL, MessageBody: "hi" } }) }),
    );
    expectClean(literal);
    assert.deepEqual(literal.statements, [{ Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [QUEUE_ARN] }]);
  });
});

describe("rule missing-argument", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`reports an argument the integration needs to scope its permissions ${where}`, () => {
      const result = analyze(wrap("Send", task("arn:aws:states:::sqs:sendMessage", { Parameters: { MessageBody: "hi" } })));
      expectOne(result, "missing-argument", "error", path("Send"), /^sqs:sendMessage needs the argument QueueUrl$/);
    });
  }

  it("is silent once the argument is there", () => {
    expectNone(
      analyze(machine({ Send: task("arn:aws:states:::sqs:sendMessage", { Parameters: { QueueUrl: QUEUE_URL, MessageBody: "hi" } }) })),
      "missing-argument",
    );
  });
});

describe("rule invalid-argument", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`reports a literal argument that cannot be what it names ${where}`, () => {
      const result = analyze(
        wrap("Send", task("arn:aws:states:::sqs:sendMessage", { Parameters: { QueueUrl: "jobs", MessageBody: "hi" } })),
      );
      expectOne(result, "invalid-argument", "error", path("Send"), /^sqs:sendMessage: QueueUrl: "jobs" is not an SQS queue URL/);
    });
  }

  it("is silent for a queue URL", () => {
    expectNone(
      analyze(machine({ Send: task("arn:aws:states:::sqs:sendMessage", { Parameters: { QueueUrl: QUEUE_URL, MessageBody: "hi" } }) })),
      "invalid-argument",
    );
  });
});

describe("rule sdk-resource-wildcard", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`warns when an AWS SDK call's resource cannot be derived ${where}`, () => {
      const result = analyze(
        wrap("Start", task("arn:aws:states:::aws-sdk:ec2:startInstances", { Parameters: { "InstanceIds.$": "$.ids" } })),
      );
      expectOne(
        result,
        "sdk-resource-wildcard",
        "warning",
        path("Start"),
        /^aws-sdk:ec2:startInstances: the resource cannot be derived from the arguments, so ec2:StartInstances is granted on "\*"/,
      );
    });
  }

  it('is silent for actions IAM grants only on "*": nothing narrower exists', () => {
    const result = analyze(
      machine({
        List: task("arn:aws:states:::aws-sdk:ec2:describeInstances", { Next: "Who", End: undefined }),
        Who: task("arn:aws:states:::aws-sdk:sts:getCallerIdentity"),
      }),
    );
    expectClean(result);
    assert.deepEqual(result.statements, [
      { Effect: "Allow", Action: ["ec2:DescribeInstances"], Resource: ["*"] },
      { Effect: "Allow", Action: ["sts:GetCallerIdentity"], Resource: ["*"] },
    ]);
  });

  it("is silent when the SDK call names its resource, or when customIntegrations declares it", () => {
    expectClean(
      analyze(machine({ Get: task("arn:aws:states:::aws-sdk:sqs:getQueueAttributes", { Parameters: { QueueUrl: QUEUE_URL } }) })),
    );
    const statements = [{ Effect: "Allow" as const, Action: ["ec2:DescribeInstances"], Resource: ["*"] }];
    const declared = analyze(machine({ List: task("arn:aws:states:::aws-sdk:ec2:describeInstances") }), {
      customIntegrations: { "aws-sdk:ec2:describeInstances": { statements } },
    });
    expectClean(declared);
    assert.deepEqual(declared.statements, statements);
  });
});

describe("rule sdk-unknown-service", () => {
  for (const { where, wrap, path } of NESTINGS) {
    it(`warns when an AWS SDK call names a service the SDK does not have, and grants nothing ${where}`, () => {
      const result = analyze(wrap("Query", task("arn:aws:states:::aws-sdk:stepfunction:startExecution")));
      expectOne(
        result,
        "sdk-unknown-service",
        "warning",
        path("Query"),
        /^aws-sdk:stepfunction:startExecution: "stepfunction" is not a service of the AWS SDK \(its name in aws-sdk:NAME is the SDK's, in lower case: aws-sdk:redshiftdata, aws-sdk:sfn\), so no permission is derived for the call; check the service name, or declare the call in customIntegrations/,
      );
      assert.deepEqual(
        result.statements.flatMap((statement) => statement.Action).filter((action) => action.startsWith("stepfunction:")),
        [],
      );
    });
  }

  it("never reads inherited object keys as services: aws-sdk:constructor is unknown", () => {
    const result = analyze(machine({ Call: task("arn:aws:states:::aws-sdk:constructor:x") }));
    expectOne(result, "sdk-unknown-service", "warning", "Call", /^aws-sdk:constructor:x: "constructor" is not a service of the AWS SDK/);
    assert.deepEqual(result.statements, []);
  });

  it("warns, granting nothing, for an SDK service AWS's IAM reference does not list", () => {
    const result = analyze(machine({ Call: task("arn:aws:states:::aws-sdk:opensearchmemory:listMemories") }));
    expectOne(
      result,
      "sdk-unknown-service",
      "warning",
      "Call",
      /^aws-sdk:opensearchmemory:listMemories: AWS's IAM reference lists no service for the SDK's "opensearchmemory", so no permission is derived/,
    );
    assert.deepEqual(result.statements, []);
  });

  it("grants nothing and says nothing for SDK services authorised by a token in the request", () => {
    const result = analyze(machine({ Call: task("arn:aws:states:::aws-sdk:sso:getRoleCredentials") }));
    expectClean(result);
    assert.deepEqual(result.statements, []);
  });

  it("finds prefixes written with hyphens and renamed ones, and is silent for them and for a call customIntegrations declares", () => {
    const result = analyze(
      machine({
        Query: task("arn:aws:states:::aws-sdk:redshiftdata:executeStatement", {
          Parameters: { Sql: "select 1" },
          Next: "Start",
          End: undefined,
        }),
        Start: task("arn:aws:states:::aws-sdk:sfn:listStateMachines", { Next: "Agents", End: undefined }),
        Agents: task("arn:aws:states:::aws-sdk:bedrockagent:listAgents", { Next: "Airflow", End: undefined }),
        Airflow: task("arn:aws:states:::aws-sdk:mwaa:listEnvironments"),
      }),
    );
    expectNone(result, "sdk-unknown-service");
    assert.deepEqual(
      result.statements.flatMap((statement) => statement.Action),
      ["airflow:ListEnvironments", "bedrock:ListAgents", "redshift-data:ExecuteStatement", "states:ListStateMachines"],
    );

    const statements = [{ Effect: "Allow" as const, Action: ["states:StartExecution"], Resource: ["*"] }];
    const declared = analyze(machine({ Start: task("arn:aws:states:::aws-sdk:stepfunction:startExecution") }), {
      customIntegrations: { "aws-sdk:stepfunction:startExecution": { statements } },
    });
    expectClean(declared);
  });
});

describe("rule kms-key-unknown", () => {
  const send = (queueUrl: string) => task("arn:aws:states:::sqs:sendMessage", { Parameters: { QueueUrl: queueUrl, MessageBody: "hi" } });

  it("names the statement to add for a queue or topic whose key the definition cannot tell", () => {
    expectOne(
      analyze(machine({ Send: send(QUEUE_URL) })),
      "kms-key-unknown",
      "warning",
      "Send",
      /^sqs:sendMessage: if queue https:\/\/sqs\.us-east-1\.amazonaws\.com\/123456789012\/jobs is encrypted with a customer managed KMS key, the role also needs kms:GenerateDataKey, kms:Decrypt on that key; add \{ "Effect": "Allow", "Action": \["kms:GenerateDataKey","kms:Decrypt"\], "Resource": \["KEY_ARN"\] \} to policyStatements$/,
    );
    const topic = task("arn:aws:states:::sns:publish", {
      Parameters: { TopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", Message: "hi" },
    });
    expectOne(analyze(machine({ Notify: topic })), "kms-key-unknown", "warning", "Notify", /kms:GenerateDataKey\*, kms:Decrypt/);
  });

  it("is silent for the package's own callback queues and for queues computed at run time", () => {
    expectNone(analyze(machine({ Send: send("${callbacks.jobs.queueUrl}") })), "kms-key-unknown");
    expectNone(analyze(machine({ Send: send(QUEUE_URL) }), { keysGranted: [QUEUE_URL] }), "kms-key-unknown");
    const dynamic = task("arn:aws:states:::sqs:sendMessage", { Parameters: { "QueueUrl.$": "$.queue", MessageBody: "hi" } });
    expectNone(analyze(machine({ Send: dynamic })), "kms-key-unknown");
  });

  describe("with the caller's own statements (policyStatements)", () => {
    const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const allow = (Action: string[], Resource: string[], Effect: "Allow" | "Deny" = "Allow") => ({ Effect, Action, Resource });
    const topic = task("arn:aws:states:::sns:publish", {
      Parameters: { TopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", Message: "hi" },
    });
    const withStatements = (statements: ReturnType<typeof allow>[], states: Record<string, State> = { Send: send(QUEUE_URL) }) =>
      analyze(machine(states), { extraStatements: statements });

    it("is silent once they grant the statement the warning names, on a key, any key or a key known only at deployment", () => {
      expectNone(withStatements([allow(["kms:GenerateDataKey", "kms:Decrypt"], [KEY])]), "kms-key-unknown");
      expectNone(withStatements([allow(["kms:GenerateDataKey*", "kms:Decrypt"], [KEY])], { Notify: topic }), "kms-key-unknown");
      // SNS calls GenerateDataKey: the plain action covers the family the warning names.
      expectNone(withStatements([allow(["kms:GenerateDataKey", "kms:Decrypt"], [KEY])], { Notify: topic }), "kms-key-unknown");
      expectNone(withStatements([allow(["kms:*"], ["*"])]), "kms-key-unknown");
      expectNone(withStatements([allow(["KMS:decrypt", "kms:Generate*"], ["arn:aws:kms:*"])]), "kms-key-unknown");
      expectNone(withStatements([allow(["kms:GenerateDataKey", "kms:Decrypt"], ["${unknown}"])]), "kms-key-unknown");
      // Split over two statements.
      expectNone(withStatements([allow(["kms:Decrypt"], [KEY]), allow(["kms:GenerateDataKey"], [KEY])]), "kms-key-unknown");
    });

    it("still warns when they miss an action, grant on no key (an alias ARN, another service) or deny", () => {
      const warned = (statements: ReturnType<typeof allow>[]) =>
        expectOne(withStatements(statements), "kms-key-unknown", "warning", "Send", /to policyStatements$/);
      warned([allow(["kms:Decrypt"], [KEY])]);
      warned([allow(["kms:GenerateDataKey", "kms:Decrypt"], ["arn:aws:kms:us-east-1:123456789012:alias/jobs"])]);
      warned([allow(["kms:GenerateDataKey", "kms:Decrypt"], ["arn:aws:s3:::bucket/*"])]);
      warned([allow(["kms:GenerateDataKey", "kms:Decrypt"], [KEY], "Deny")]);
      warned([allow(["kms:GenerateDataKey"], [KEY]), allow(["kms:Decrypt"], ["arn:aws:sqs:us-east-1:123456789012:jobs"])]);
      // Another action of the family is not the one SQS calls.
      warned([allow(["kms:GenerateDataKeyWithoutPlaintext", "kms:Decrypt"], [KEY])]);
    });
  });
});

describe("every problem is reported, not just the first", () => {
  it("collects errors and warnings of many rules from one definition", () => {
    const definition = machine(
      {
        Ask: callbackTask({
          Parameters: { QueueUrl: QUEUE_URL, MessageBody: "no token" },
          HeartbeatSeconds: 600,
          TimeoutSeconds: 600,
          Next: "Split",
          End: undefined,
        }),
        Split: {
          Type: "Parallel",
          Next: "Nowhere",
          Branches: [machine({ Spin: task("arn:aws:states:::widgets:spin") }), machine({ Junk: task("not-an-arn") })],
        },
        Notify: task("arn:aws:states:::sns:publish", { Parameters: { TopicArn: "${Topic}", Message: "done" } }),
      },
      { TimeoutSeconds: 0 },
    );
    const result = analyze(definition, { placeholders: [], callbacks: ["approvals"] });
    const found = all(result).map((d) => `${d.severity} ${d.rule} @ ${d.state}`);
    const expected = [
      "error asl-transition @ Split",
      "error asl-unreachable-state @ Notify",
      "error unknown-placeholder @ Notify",
      "warning unused-callback @ null",
      "error timeout-not-positive @ null",
      "error heartbeat-not-below-timeout @ Ask",
      "error missing-task-token @ Ask",
      "error unknown-integration @ Split > branch 1 > Spin",
      "error unknown-resource @ Split > branch 2 > Junk",
      "warning kms-key-unknown @ Ask",
      "warning kms-key-unknown @ Notify",
    ];
    assert.deepEqual([...found].sort(), [...expected].sort());
    assert.equal(result.ok, false);
  });
});
