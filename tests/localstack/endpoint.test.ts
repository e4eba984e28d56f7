/**
 * The sync endpoint on LocalStack: the Workflow's EXPRESS machine and REST API as the component
 * derives them (definition, request and response templates, integration role), called with real
 * HTTP requests. API Gateway runs the templates and calls StartSyncExecution itself.
 */
import { strict as assert } from "node:assert";
import { LocalEngine, type DeployedWorkflow } from "./support/engine";

/** Routes on the body's `outcome`: each ending the response template maps to a status. */
const DEFINITION = {
  Comment: "Answers the request, or ends as the body's outcome asks",
  StartAt: "Route",
  TimeoutSeconds: 3,
  States: {
    Route: {
      Type: "Choice",
      Choices: [
        { Variable: "$.body.outcome", IsPresent: false, Next: "Echo" },
        { Variable: "$.body.outcome", StringEquals: "not-found", Next: "Not found" },
        { Variable: "$.body.outcome", StringEquals: "invalid", Next: "Invalid" },
        { Variable: "$.body.outcome", StringEquals: "busy", Next: "Busy" },
        { Variable: "$.body.outcome", StringEquals: "broken", Next: "Broken" },
        { Variable: "$.body.outcome", StringEquals: "slow", Next: "Slow" },
      ],
      Default: "Echo",
    },
    Echo: { Type: "Pass", End: true },
    "Not found": { Type: "Fail", Error: "Quote.NotFound", Cause: "no price for sku Z-9" },
    Invalid: { Type: "Fail", Error: "Quote.Invalid", Cause: 'quantity must be "positive"' },
    Busy: { Type: "Fail", Error: "Pricing.Busy", Cause: "try again in a minute" },
    Broken: { Type: "Fail", Error: "Unmapped", Cause: "nothing maps this" },
    Slow: { Type: "Wait", Seconds: 10, End: true },
  },
};

describe("LocalStack: Express workflows through the sync endpoint", function () {
  this.timeout(180_000);
  let engine: LocalEngine;
  let deployed: DeployedWorkflow;

  before(async () => {
    engine = await LocalEngine.start();
    deployed = await engine.deploy("quote", {
      workflowType: "EXPRESS",
      definition: DEFINITION,
      syncEndpoint: {
        path: "/quote",
        authorization: "NONE",
        errorStatusCodes: { "Quote.NotFound": 404, "Quote.Invalid": 422, "Pricing.*": 503 },
      },
    });
  });

  after(async () => {
    await engine?.stop();
  });

  /** Status and body text; LocalStack's template engine leaves blank lines around the body (docs/engines.md). */
  async function post(body: string, query = "") {
    const response = await fetch(`${deployed.endpointUrl}${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
    });
    return { status: response.status, text: (await response.text()).trim() };
  }

  it("the endpoint URL is the stage's route in LocalStack", () => {
    assert.match(deployed.endpointUrl ?? "", /^http:\/\/127\.0\.0\.1:\d+\/restapis\/quoteendpo\/api\/_user_request_\/quote$/);
  });

  it("a JSON body with quotes and unicode: 200 with the execution's output, the body as sent", async () => {
    const body = { note: 'say "hi" \\ then leave', name: "Zoë 東京 🚀", nested: { list: [1, 2.5, null, true] } };
    const { status, text } = await post(JSON.stringify(body));
    assert.equal(status, 200);
    // The request template escapes every non-ASCII character; the value is the same.
    assert.equal(
      text,
      '{"body":{"note":"say \\"hi\\" \\\\ then leave","name":"Zo\\u00eb \\u6771\\u4eac \\ud83d\\ude80","nested":{"list":[1,2.5,null,true]}},"path":{},"querystring":{}}',
    );
    assert.deepEqual(JSON.parse(text), { body, path: {}, querystring: {} });
  });

  it("query string parameters reach the input", async () => {
    const { status, text } = await post('{"sku":"A-1"}', "?currency=EUR&rush=yes");
    assert.deepEqual(
      { status, text },
      { status: 200, text: '{"body":{"sku":"A-1"},"path":{},"querystring":{"currency":"EUR","rush":"yes"}}' },
    );
  });

  it("an empty body runs with {}", async () => {
    const { status, text } = await post("");
    assert.deepEqual({ status, text }, { status: 200, text: '{"body":{},"path":{},"querystring":{}}' });
  });

  it("a body that is not JSON: 400 from request validation (LocalStack's own message)", async () => {
    const { status, text } = await post("price=12");
    // AWS answers the package's BAD_REQUEST_BODY template, {"error":"BadRequestBody","cause":...}.
    assert.deepEqual({ status, text }, { status: 400, text: '{"message": "Invalid request body"}' });
  });

  it("FAILED with each mapped error name: the mapped status with {error, cause}", async () => {
    const cases: Array<[string, number, unknown]> = [
      ["not-found", 404, { error: "Quote.NotFound", cause: "no price for sku Z-9" }],
      ["invalid", 422, { error: "Quote.Invalid", cause: 'quantity must be "positive"' }],
      ["busy", 503, { error: "Pricing.Busy", cause: "try again in a minute" }],
      ["broken", 500, { error: "Unmapped", cause: "nothing maps this" }],
    ];
    for (const [outcome, expectedStatus, expectedBody] of cases) {
      const { status, text } = await post(JSON.stringify({ outcome }));
      assert.deepEqual({ outcome, status, body: JSON.parse(text) }, { outcome, status: expectedStatus, body: expectedBody });
    }
  });

  it("TIMED_OUT: 504 with States.Timeout", async () => {
    const { status, text } = await post(JSON.stringify({ outcome: "slow" }));
    assert.deepEqual({ status, text }, { status: 504, text: '{"error":"States.Timeout","cause":null}' });
  });

  it("the 256 KiB limit: 200 KiB runs; over 256 KiB fails in the first state (LocalStack), not at the call (AWS)", async () => {
    const pad = "x".repeat(200 * 1024);
    const fits = await post(JSON.stringify({ pad }));
    assert.deepEqual(
      { status: fits.status, text: fits.text },
      { status: 200, text: `{"body":{"pad":"${pad}"},"path":{},"querystring":{}}` },
    );
    const over = await post(JSON.stringify({ pad: "x".repeat(257 * 1024) }));
    // AWS refuses the input itself (InvalidExecutionInput, which the template answers 400).
    assert.deepEqual(
      { status: over.status, body: JSON.parse(over.text) },
      {
        status: 500,
        body: {
          error: "States.DataLimitExceeded",
          cause: "The state/task 'Route' returned a result with a size exceeding the maximum number of bytes service limit.",
        },
      },
    );
  });
});
