/**
 * Valid definitions the schema validators rejected: where asl-validator or asl-path-validator and
 * the States Language specification (or Step Functions' path engine, Jayway JsonPath) disagree, the
 * specification wins. One test per case, each with a malformed neighbour that stays an error.
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import type { Diagnostic } from "../../provider/src/model/types";

type State = Record<string, unknown>;

const pass = (fields: State, language?: "JSONata"): Record<string, unknown> => ({
  ...(language ? { QueryLanguage: language } : {}),
  StartAt: "P",
  States: { P: { Type: "Pass", ...fields, End: true } },
});

const lambdaTask = (fields: State): Record<string, unknown> => ({
  StartAt: "T",
  States: { T: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", End: true, ...fields } },
});

const errorsOf = (definition: unknown): string[] => analyze(JSON.stringify(definition)).errors.map((e) => `${e.rule}: ${e.message}`);

function accepts(definition: unknown): void {
  assert.deepEqual(errorsOf(definition), []);
}

function rejects(definition: unknown, message: RegExp): void {
  const errors = errorsOf(definition);
  assert.ok(
    errors.some((error) => message.test(error)),
    `expected an error matching ${message}, got ${JSON.stringify(errors)}`,
  );
}

describe("valid ASL the schema validators rejected", () => {
  describe("escaped characters in intrinsic functions' string literals", () => {
    for (const [name, literal] of [
      ["a newline", "line 1\\nline 2 {}"],
      ["a backslash", "C:\\\\temp\\\\{}"],
      ["a quote", "it\\'s {}"],
      ["braces", "\\{literal\\} {}"],
    ]) {
      it(`${name}: States.Format('${literal}', $.x)`, () => {
        accepts(pass({ Parameters: { "text.$": `States.Format('${literal}', $.x)` } }));
      });
    }

    it("an intrinsic function followed by spaces (AWS's ASL language service accepts it)", () => {
      accepts(pass({ Parameters: { "text.$": "States.Format('a {}', $.x)    " } }));
      rejects(pass({ Parameters: { "text.$": "States.Format('a {}', $.x)  x" } }), /is not a JSONPath path or intrinsic function/);
    });

    it("an unterminated literal is still rejected", () => {
      rejects(pass({ Parameters: { "text.$": "States.Format('open {}\\', $.x)" } }), /is not a JSONPath path or intrinsic function/);
    });
  });

  describe("JSONPath forms Jayway accepts in Parameters and ResultSelector", () => {
    for (const path of [
      "$.[0]",
      "$.items.[0]",
      "$.workers[?(@.workerId == $.agent_id)]",
      "$.items[?(@.n > 1 && @.m < 2)]",
      "$['bucket','key']",
    ]) {
      it(`${path} in Parameters and ResultSelector`, () => {
        accepts(pass({ Parameters: { "value.$": path } }));
        accepts(lambdaTask({ Parameters: { FunctionName: "f" }, ResultSelector: { "value.$": path } }));
      });
    }

    for (const path of ["$.items[?(@.n == ]", "$['bucket',]", "$.items[?()]"]) {
      it(`${path} is still rejected`, () => {
        rejects(pass({ Parameters: { "value.$": path } }), /is not a JSONPath path or intrinsic function/);
      });
    }
  });

  describe("JSONata expressions", () => {
    for (const [name, expression] of [
      ["without a space before %}", "{% $states.input.x%}"],
      ["without a space after {%", "{%$states.input.x %}"],
      ["over several lines", "{% (\n  $a := $states.input.x;\n  $a + 1\n) %}"],
    ]) {
      it(`${name}`, () => {
        accepts(pass({ Output: { value: expression } }, "JSONata"));
        accepts({ ...lambdaTask({ Arguments: { FunctionName: "f", Payload: expression } }), QueryLanguage: "JSONata" });
      });
    }

    it("a multi-line or empty literal string is a literal", () => {
      accepts({
        ...lambdaTask({ Arguments: { FunctionName: "f", Payload: { text: "line 1\nline 2", empty: "" } } }),
        QueryLanguage: "JSONata",
      });
    });

    it("an expression that does not parse is still rejected", () => {
      rejects(pass({ Output: "{% $states.input.( %}" }, "JSONata"), /^asl-schema: Output/);
    });
  });
});

describe("rule query-language: a misplaced QueryLanguage is reported once, as such", () => {
  const states = {
    A: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "f", "Payload.$": "$" },
      ResultPath: "$.r",
      Next: "B",
    },
    B: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "g" }, OutputPath: "$.x", End: true },
  };

  it("on the state machine: one error naming the states, no unknown fields, no missing arguments, statements still derived", () => {
    const result = analyze(JSON.stringify({ QueryLanguage: "JSONata", StartAt: "A", States: states }), {
      region: "us-east-1",
      account: "123456789012",
    });
    assert.deepEqual(result.errors, [
      {
        severity: "error",
        rule: "query-language",
        state: null,
        message:
          'QueryLanguage: the state machine\'s is JSONata, but 2 states use JSONPath fields: "A" (Parameters, ResultPath), "B" (Parameters, OutputPath); move "QueryLanguage": "JSONata" from the state machine to the states written in JSONata, or write these states with Arguments, Output and Assign',
      } satisfies Diagnostic,
    ]);
    assert.deepEqual(
      result.statements.flatMap((statement) => statement.Resource),
      [
        "arn:aws:lambda:us-east-1:123456789012:function:f",
        "arn:aws:lambda:us-east-1:123456789012:function:f:*",
        "arn:aws:lambda:us-east-1:123456789012:function:g",
        "arn:aws:lambda:us-east-1:123456789012:function:g:*",
      ],
    );
  });

  it("on a state: one error at the state", () => {
    assert.deepEqual(errorsOf({ StartAt: "A", States: { ...states, A: { ...states.A, QueryLanguage: "JSONata" } } }), [
      "query-language: QueryLanguage is JSONata, but the state uses JSONPath fields (Parameters, ResultPath); set its QueryLanguage to JSONPath, or write it with Arguments, Output and Assign",
    ]);
  });

  it("JSONata fields under the default JSONPath: one error saying where to set JSONata", () => {
    assert.deepEqual(errorsOf(pass({ Output: "{% $states.input %}" })), [
      'query-language: QueryLanguage: the state machine\'s is JSONPath (the default), but a state uses JSONata fields: "P" (Output); set "QueryLanguage": "JSONata" on these states (or on the state machine, if every state is written in JSONata)',
    ]);
  });

  it("is silent when the fields match the language", () => {
    accepts({ StartAt: "A", States: states });
    accepts(pass({ Output: "{% $states.input %}" }, "JSONata"));
  });
});
