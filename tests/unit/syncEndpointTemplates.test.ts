import { strict as assert } from "node:assert";
import { escapeJavaScript, renderMappingTemplate, type MethodRequest } from "../support/apigatewayVtl";
import type { SyncEndpointOptions } from "../../provider/src";
import { requestTemplate } from "../../provider/src/components/syncEndpoint/requestTemplate";
import { responseTemplate } from "../../provider/src/components/syncEndpoint/responseTemplate";
import { endpointSettings } from "../../provider/src/components/syncEndpoint/settings";

const MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:quote";

function settingsOf(options: SyncEndpointOptions) {
  const { settings, problems } = endpointSettings(options);
  assert.deepEqual(problems, []);
  return settings;
}

/** Renders the request template and returns StartSyncExecution's request, parsed. */
function startRequest(options: SyncEndpointOptions, body: string, request: MethodRequest = {}): { stateMachineArn: string; input: string } {
  const settings = settingsOf(options);
  const rendered = renderMappingTemplate(requestTemplate(MACHINE, settings.request, settings.pathParameters), body, request);
  const parsed = JSON.parse(rendered.output);
  assert.deepEqual(Object.keys(parsed), ["stateMachineArn", "input"]);
  assert.equal(parsed.stateMachineArn, MACHINE);
  assert.equal(typeof parsed.input, "string");
  return parsed;
}

/** A 256 KiB JSON body (262,144 UTF-8 bytes) full of characters that need escaping. */
function maxSizeBody(): string {
  const chunk = `it's a "quote" \\ / é 中 😀 \n\t`;
  let text = JSON.stringify({ data: chunk.repeat(Math.floor(262_144 / Buffer.byteLength(JSON.stringify(chunk))) + 1) });
  const value = JSON.parse(text).data as string;
  // Trim to size, then pad with ASCII to exactly 256 KiB.
  let trimmed = value;
  while (Buffer.byteLength(JSON.stringify({ data: trimmed })) > 262_144) trimmed = trimmed.slice(0, -64);
  trimmed = trimmed.replace(/[\uD800-\uDBFF]$/, "");
  text = JSON.stringify({ data: trimmed + "x".repeat(262_144 - Buffer.byteLength(JSON.stringify({ data: trimmed }))) });
  return text;
}

const BODIES: Record<string, string> = {
  "a JSON object": '{"sku":"A-1","quantity":3,"rush":true,"notes":null}',
  "a JSON array": '[1,"two",{"three":[3]},null,false]',
  "quotes and backslashes": JSON.stringify({ text: 'say "hi" \\ C:\\path\\to \\" \\\\' }),
  "newlines, tabs and other control characters": JSON.stringify({ text: "line 1\nline 2\r\n\ttab \u0001 \u001f \b \f" }),
  "single quotes (escapeJavaScript's \\' is not JSON)": JSON.stringify({ text: "it's, 'quoted', \\' and \\\\'" }),
  "non-ASCII text": JSON.stringify({ text: "é ß 中文 العربية 😀 \u2028 \u2029 \u00a0 \u007f" }),
  "forward slashes and markup": JSON.stringify({ html: "</script><b>&amp;</b>", url: "https://example.com/a/b" }),
  "text that looks like VTL": JSON.stringify({ text: "$input.body #set($x = 1) ${q} $!util #end ## comment" }),
  "pretty-printed JSON with raw newlines between tokens": JSON.stringify({ a: [1, { b: "c" }], d: "e" }, null, 2),
  "a bare string": JSON.stringify("just a string with a ' and a \""),
  "a bare number": "42.5e3",
  "a bare null": "null",
  "a 256 KiB payload": maxSizeBody(),
};

describe("SyncEndpoint mapping templates, rendered with velocityjs and an API Gateway emulation", () => {
  describe("the emulation's $util.escapeJavaScript (commons-lang 2 StringEscapeUtils)", () => {
    it("escapes as documented: quotes, backslash, slash, control characters, non-ASCII per UTF-16 unit", () => {
      assert.equal(escapeJavaScript(`He didn't say, "Stop!"`), `He didn\\'t say, \\"Stop!\\"`);
      assert.equal(escapeJavaScript("a/b\\c"), "a\\/b\\\\c");
      assert.equal(escapeJavaScript("\b\t\n\f\r\u0001\u001f"), "\\b\\t\\n\\f\\r\\u0001\\u001F");
      assert.equal(escapeJavaScript("é中😀"), "\\u00E9\\u4E2D\\uD83D\\uDE00");
      assert.equal(escapeJavaScript(undefined), undefined);
    });
  });

  describe("request template", () => {
    it("is exact StartSyncExecution JSON", () => {
      const settings = settingsOf({ path: "/quotes/{sku}" });
      const template = requestTemplate(MACHINE, settings.request, settings.pathParameters);
      assert.match(template, /^#set\(\$machine = 'arn:aws:states:us-east-1:123456789012:stateMachine:quote'\)$/m);
      assert.match(
        template,
        /^\{"stateMachineArn":"\$machine","input":"\$util\.escapeJavaScript\(\$inputJson\)\.replaceAll\(\$escapedQuote, \$quote\)"\}$/m,
      );
    });

    describe("body alone (every other part off): the input is the body, byte for byte", () => {
      const bodyOnly: SyncEndpointOptions = { request: { pathParameters: false, queryString: false } };
      for (const [kind, body] of Object.entries(BODIES)) {
        it(kind, () => {
          const { input } = startRequest(bodyOnly, body);
          assert.equal(input, body);
          assert.deepEqual(JSON.parse(input), JSON.parse(body));
        });
      }
      for (const [kind, body] of [
        ["an empty body", ""],
        ["a whitespace-only body", " \r\n\t "],
      ]) {
        it(`${kind} becomes {}`, () => assert.equal(startRequest(bodyOnly, body).input, "{}"));
      }
    });

    describe("default parts: { body, path, querystring }", () => {
      const options: SyncEndpointOptions = { path: "/quotes/{sku}/lines/{line}" };
      const request = { path: { sku: "A'1\"\\/é😀", line: "7" }, querystring: { q: "a b&c", "name'with\"quotes": "\n" } };
      for (const [kind, body] of Object.entries(BODIES)) {
        it(kind, () => {
          const input = JSON.parse(startRequest(options, body, request).input);
          assert.deepEqual(input, { body: JSON.parse(body), path: request.path, querystring: request.querystring });
        });
      }
      it("an empty body is {}, an empty query string {}", () => {
        const input = JSON.parse(startRequest(options, "", { path: { sku: "s", line: "1" } }).input);
        assert.deepEqual(input, { body: {}, path: { sku: "s", line: "1" }, querystring: {} });
      });
      it("the body keeps its exact text inside the input", () => {
        const body = '{"n": 1.50, "big": 12345678901234567890}';
        assert.ok(startRequest(options, body, request).input.startsWith(`{"body":${body},"path":`));
      });
    });

    describe("optional parts", () => {
      it("headers: true copies every header but credentials", () => {
        const header = {
          "Content-Type": "application/json",
          authorization: "AWS4-HMAC-SHA256 secret",
          "X-Api-Key": "k",
          "x-amz-security-token": "t",
          "X-Trace": 'it\'s "x"',
        };
        const input = JSON.parse(startRequest({ request: { headers: true, queryString: false } }, "{}", { header }).input);
        assert.deepEqual(input, { body: {}, path: {}, headers: { "Content-Type": "application/json", "X-Trace": 'it\'s "x"' } });
      });
      it("a header allowlist matches names case-insensitively; missing headers are null", () => {
        const options: SyncEndpointOptions = {
          request: { headers: ["X-Tenant", "X-Missing", "Accept"], pathParameters: false, queryString: false },
        };
        const input = JSON.parse(startRequest(options, "[]", { header: { "x-tenant": "acme 'co'", ACCEPT: "*/*", Other: "no" } }).input);
        assert.deepEqual(input, { body: [], headers: { "X-Tenant": "acme 'co'", "X-Missing": null, Accept: "*/*" } });
      });
      it("Cognito claims and request-context fields, null when absent", () => {
        const options: SyncEndpointOptions = {
          authorization: "COGNITO",
          cognitoUserPoolArns: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"],
          request: {
            pathParameters: false,
            queryString: false,
            authorizerClaims: ["sub", "email", "missing"],
            context: ["requestId", "sourceIp", "userArn", "requestTimeEpoch"],
          },
        };
        const context = {
          requestId: "r-1",
          requestTimeEpoch: 1700000000000,
          identity: { sourceIp: "192.0.2.1" },
          authorizer: { claims: { sub: "u-1", email: "o'neil@example.com" } },
        };
        const input = JSON.parse(startRequest(options, '{"a":1}', { context }).input);
        assert.deepEqual(input, {
          body: { a: 1 },
          claims: { sub: "u-1", email: "o'neil@example.com", missing: null },
          context: { requestId: "r-1", sourceIp: "192.0.2.1", userArn: null, requestTimeEpoch: "1700000000000" },
        });
      });
    });
  });

  describe("response template (StartSyncExecution always answers 200)", () => {
    const options: SyncEndpointOptions = {
      errorStatusCodes: { NotFound: 404, "Validation.*": 400, "Validation.Sku.*": 422, "Validation.Exact": 409, "States.Runtime": 502 },
    };
    const render = (answer: Record<string, unknown>, opts: SyncEndpointOptions = options) =>
      renderMappingTemplate(responseTemplate(settingsOf(opts)), JSON.stringify(answer));
    const execution = { executionArn: `${MACHINE.replace("stateMachine", "express")}:e-1`, startDate: 1.7e9, stopDate: 1.7e9 + 1 };

    describe("SUCCEEDED: 200 and the execution output as the body", () => {
      const outputs: Record<string, unknown> = {
        object: { price: 12.5, currency: "EUR", lines: [{ sku: "A" }] },
        array: [1, "two", { three: 3 }],
        string: 'it\'s "done" \\ é 😀\n',
        number: 42,
        zero: 0,
        boolean: false,
        null: null,
        "a large object": { items: Array.from({ length: 2000 }, (_, i) => ({ i, text: `item ${i} é "q" '` })) },
      };
      for (const [kind, output] of Object.entries(outputs)) {
        it(kind, () => {
          const rendered = render({
            ...execution,
            status: "SUCCEEDED",
            output: JSON.stringify(output),
            billingDetails: { billedDurationInMilliseconds: 100 },
          });
          assert.equal(rendered.status, 200);
          assert.deepEqual(JSON.parse(rendered.output), output);
        });
      }
      it("keeps the output's exact text", () => {
        const output = '{"n": 1.50, "big": 12345678901234567890}';
        assert.equal(render({ status: "SUCCEEDED", output }).output.trim(), output);
      });
    });

    describe("FAILED: the mapped status and { error, cause }", () => {
      const cases: Array<[error: string, status: number, why: string]> = [
        ["NotFound", 404, "exact name"],
        ["Validation.Quantity", 400, "prefix"],
        ["Validation.Sku.Missing", 422, "the longest prefix wins"],
        ["Validation.Exact", 409, "an exact name beats a prefix"],
        ["Validation.", 400, "a prefix matches itself"],
        ["Validation", 500, "the prefix is not a match without its dot"],
        ["NotFoundAtAll", 500, "an exact name does not match longer names"],
        ["States.Runtime", 502, "States.* errors can be mapped too"],
        ["Lambda.Unknown", 500, "unmapped: failedStatusCode"],
      ];
      for (const [error, status, why] of cases) {
        it(`${error} -> ${status} (${why})`, () => {
          const rendered = render({ ...execution, status: "FAILED", error, cause: "the cause" });
          assert.equal(rendered.status, status);
          assert.deepEqual(JSON.parse(rendered.output), { error, cause: "the cause" });
        });
      }
      it("failedStatusCode replaces 500 for unmapped errors", () => {
        assert.equal(render({ status: "FAILED", error: "Other" }, { failedStatusCode: 503 }).status, 503);
      });
      it("error and cause survive quotes, newlines, backslashes and non-ASCII; a missing cause is null", () => {
        const cause = JSON.stringify({ errorMessage: 'it\'s "bad"\n\\ é 😀', stack: ["at x (/a/b.js:1)"] });
        const rendered = render({ status: "FAILED", error: "Custom'Error\"é", cause });
        assert.equal(rendered.status, 500);
        assert.deepEqual(JSON.parse(rendered.output), { error: "Custom'Error\"é", cause });
        assert.deepEqual(JSON.parse(render({ status: "FAILED", error: "NotFound" }).output), { error: "NotFound", cause: null });
        assert.deepEqual(JSON.parse(render({ status: "FAILED" }).output), { error: null, cause: null });
      });
    });

    describe("TIMED_OUT", () => {
      it("answers 504 by default, with the error (States.Timeout when absent)", () => {
        const rendered = render({ ...execution, status: "TIMED_OUT" });
        assert.equal(rendered.status, 504);
        assert.deepEqual(JSON.parse(rendered.output), { error: "States.Timeout", cause: null });
        const given = render({ status: "TIMED_OUT", error: "States.Timeout", cause: "Execution timed out after 20 s" });
        assert.deepEqual(JSON.parse(given.output), { error: "States.Timeout", cause: "Execution timed out after 20 s" });
      });
      it("timedOutStatusCode replaces 504; error mappings do not apply", () => {
        assert.equal(
          render({ status: "TIMED_OUT", error: "NotFound" }, { timedOutStatusCode: 408, errorStatusCodes: { NotFound: 404 } }).status,
          408,
        );
      });
    });

    describe("Step Functions refusing the call (no status)", () => {
      const cases: Array<[type: string, message: string, status: number, shown: boolean]> = [
        ["com.amazonaws.swf.service.v2.model#ThrottlingException", "Rate exceeded", 429, true],
        ["com.amazonaws.swf.service.v2.model#InvalidExecutionInput", "Input exceeds the 262144 bytes limit", 400, true],
        [
          "com.amazonaws.swf.service.v2.model#StateMachineTypeNotSupported",
          "This operation is not supported by this type of state machine",
          502,
          false,
        ],
        ["AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/x is not authorized", 502, false],
      ];
      for (const [type, message, status, shown] of cases) {
        it(`${type} -> ${status}${shown ? "" : ", without its message"}`, () => {
          const rendered = render({ __type: type, message });
          assert.equal(rendered.status, status);
          assert.deepEqual(JSON.parse(rendered.output), { error: type.replace(/^.*#/, ""), cause: shown ? message : null });
        });
      }
    });
  });

  describe("templates avoid what the emulation cannot match", () => {
    const variants: SyncEndpointOptions[] = [
      {},
      { path: "/a/{b}", request: { headers: true, context: ["sourceIp"] } },
      { request: { headers: ["X-A"], pathParameters: false, queryString: false } },
      { errorStatusCodes: { A: 400, "B*": 401 } },
    ];
    for (const [i, options] of variants.entries()) {
      it(`variant ${i + 1}: no string truthiness test, no + concatenation, every read through $!, no String.equals`, () => {
        const settings = settingsOf(options);
        for (const template of [requestTemplate(MACHINE, settings.request, settings.pathParameters), responseTemplate(settings)]) {
          // Velocity 1.7 treats "" as true, velocityjs as false; Velocity 1.7's #set keeps the old value when given null.
          assert.doesNotMatch(template, /#(?:else)?if\(\s*!?\$[\w.]+\s*\)/);
          assert.doesNotMatch(template, /#set\([^)]*\s\+\s/);
          assert.doesNotMatch(template, /#set\(\$\w+ = \$(?:input|context)\.(?:path|params|body)/);
          // LocalStack's Velocity has neither (docs/engines.md); the same template runs there.
          assert.doesNotMatch(template, /\.equals(?:IgnoreCase)?\(/);
        }
      });
    }
  });
});
