/**
 * The sync endpoint on LocalStack: the Workflow's EXPRESS machine and REST API as the component
 * derives them (definition, request and response templates, integration role), called with real
 * HTTP requests. API Gateway runs the templates and calls StartSyncExecution itself.
 */
import { strict as assert } from "node:assert";
import { LocalEngine, type DeployedWorkflow } from "./support/engine";
import { post as postTo, QUOTE_DEFINITION, QUOTE_FAILURES, QUOTE_STATUSES } from "./support/quote";

describe("LocalStack: Express workflows through the sync endpoint", function () {
  this.timeout(180_000);
  let engine: LocalEngine;
  let deployed: DeployedWorkflow;
  /** The same workflow with headers in its input: listed ones, and every one but credentials. */
  let listed: DeployedWorkflow;
  let everyHeader: DeployedWorkflow;

  before(async () => {
    engine = await LocalEngine.start();
    deployed = await engine.deploy("quote", {
      workflowType: "EXPRESS",
      definition: QUOTE_DEFINITION,
      syncEndpoint: { path: "/quote", authorization: "NONE", errorStatusCodes: QUOTE_STATUSES },
    });
    const onlyHeaders = { pathParameters: false, queryString: false };
    listed = await engine.deploy("listed", {
      workflowType: "EXPRESS",
      definition: QUOTE_DEFINITION,
      syncEndpoint: { path: "/listed", authorization: "NONE", request: { ...onlyHeaders, headers: ["X-Tenant-Id", "X-Missing"] } },
    });
    everyHeader = await engine.deploy("every", {
      workflowType: "EXPRESS",
      definition: QUOTE_DEFINITION,
      syncEndpoint: { path: "/every", authorization: "NONE", request: { ...onlyHeaders, headers: true } },
    });
  });

  after(async () => {
    await engine?.stop();
  });

  const post = (body: string, query = "") => postTo(`${deployed.endpointUrl}${query}`, body);

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
    for (const [outcome, expectedStatus, expectedBody] of QUOTE_FAILURES) {
      const { status, text } = await post(JSON.stringify({ outcome }));
      assert.deepEqual({ outcome, status, body: JSON.parse(text) }, { outcome, status: expectedStatus, body: expectedBody });
    }
  });

  it("listed headers are found whatever their case; a missing one is null", async () => {
    for (const name of ["X-Tenant-Id", "x-tenant-id", "X-TENANT-ID"]) {
      const { status, text } = await postTo(listed.endpointUrl as string, "{}", {
        "Content-Type": "application/json",
        [name]: "acme 'co'",
      });
      assert.deepEqual(
        { name, status, input: JSON.parse(text) },
        { name, status: 200, input: { body: {}, headers: { "X-Tenant-Id": "acme 'co'", "X-Missing": null } } },
      );
    }
  });

  it("headers: true copies nothing on LocalStack, whose header map cannot list its names (docs/engines.md)", async () => {
    const { status, text } = await postTo(everyHeader.endpointUrl as string, "{}", {
      "Content-Type": "application/json",
      authorization: "AWS4-HMAC-SHA256 secret",
      "X-API-KEY": "k",
      "x-Amz-Security-Token": "t",
      "X-Trace": "t-1",
    });
    assert.equal(status, 200);
    // API Gateway copies Content-Type and X-Trace (tests/unit/syncEndpointTemplates.test.ts).
    assert.deepEqual(JSON.parse(text), { body: {}, headers: {} });
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
