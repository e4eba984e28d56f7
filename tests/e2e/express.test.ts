/**
 * Scenario 8 of issue 5: the EXPRESS quote example behind the SyncEndpoint. The endpoint's request
 * template (as the Workflow component registers it) turns an HTTP body into StartSyncExecution's
 * request; moto runs that input with StartExecution (it has no StartSyncExecution); the result,
 * shaped as StartSyncExecution's answer, goes through the endpoint's response template. Both
 * templates are rendered by tests/support/apigatewayVtl.ts, an emulation of API Gateway's VTL.
 */
import { strict as assert } from "node:assert";
import { renderMappingTemplate } from "../support/apigatewayVtl";
import { one } from "../support/mocks";
import { startMoto, type Moto } from "../support/moto";
import { MotoAws } from "./support/aws";
import { deployWorkflow, type Deployed } from "./support/deploy";
import { exampleDefinition } from "./support/examples";
import { finished, history, startExecution, timeline } from "./support/executions";
import { startSyncAnswer } from "./support/syncAnswer";

describe("8. Express through the sync endpoint (moto)", function () {
  this.timeout(60_000);
  let moto: Moto;
  let aws: MotoAws;
  let deployed: Deployed;
  let requestTemplate: string;
  let responseTemplate: string;

  before(async () => {
    moto = await startMoto();
    aws = new MotoAws(moto.endpoint);
    await aws.createTable("quotes", "sku");
    await aws.createEchoFunction("pricing");
    deployed = await deployWorkflow(aws, "e2e-quote", {
      workflowType: "EXPRESS",
      definition: exampleDefinition("quote.asl.json"),
      definitionSubstitutions: { QuotesTable: "quotes", PricingFunction: "pricing" },
      // The quote definition reads the body's fields at the top level: the body alone is the input.
      syncEndpoint: {
        path: "/quotes",
        request: { pathParameters: false, queryString: false },
        errorStatusCodes: { "States.Runtime": 422 },
      },
    });
    requestTemplate = (one(deployed.resources, "aws:apigateway/integration:Integration").inputs.requestTemplates as Record<string, string>)[
      "application/json"
    ];
    responseTemplate = (
      one(deployed.resources, "aws:apigateway/integrationResponse:IntegrationResponse").inputs.responseTemplates as Record<string, string>
    )["application/json"];
  });

  after(async () => {
    aws?.destroy();
    await moto?.stop();
  });

  /** POST /quotes with this body, as far as moto can take it: status and body the caller gets. */
  async function call(name: string, body: unknown) {
    const request = JSON.parse(renderMappingTemplate(requestTemplate, JSON.stringify(body)).output) as {
      stateMachineArn: string;
      input: string;
    };
    assert.equal(request.stateMachineArn, deployed.stateMachineArn);
    const executionArn = await startExecution(aws, request.stateMachineArn, name, JSON.parse(request.input));
    const execution = await finished(aws, executionArn);
    const response = renderMappingTemplate(responseTemplate, JSON.stringify(startSyncAnswer(execution)));
    return { status: response.status, body: JSON.parse(response.output), events: timeline(await history(aws, executionArn)) };
  }

  it("a priced quote: 200 with the execution's output, and the quote saved", async () => {
    // moto's Lambda echoes its payload, so the request carries the price the pricing function would return.
    const result = await call("quote-1", { sku: "A-1", price: 12.5 });
    assert.deepEqual(result.status, 200);
    assert.deepEqual(result.body, { sku: "A-1", price: 12.5, quote: { price: 12.5 } });
    assert.deepEqual(result.events, [
      "ExecutionStarted",
      "TaskStateEntered Price",
      "TaskScheduled",
      "TaskStarted",
      "TaskSucceeded",
      "TaskStateExited Price",
      "TaskStateEntered Save quote",
      "TaskScheduled",
      "TaskStarted",
      "TaskSucceeded",
      "TaskStateExited Save quote",
      "ExecutionSucceeded",
    ]);
    assert.deepEqual(await aws.getItem("quotes", { sku: { S: "A-1" } }), { sku: { S: "A-1" }, price: { N: "12.5" } });
  });

  it("a failed execution: the status mapped from its error name, and the error and cause as the body", async () => {
    const result = await call("quote-2", { sku: "A-2" });
    assert.equal(result.status, 422);
    assert.deepEqual(result.body, {
      error: "States.Runtime",
      cause:
        'An error occurred while executing the state \'Price\' (entered at the event id #5). The JSONPath \'$.Payload.price\' could not be found in the input \'{"StatusCode": 200, "Payload": {"sku": "A-2"}}\'',
    });
    assert.deepEqual(result.events, [
      "ExecutionStarted",
      "TaskStateEntered Price",
      "TaskScheduled",
      "TaskStarted",
      "TaskSucceeded",
      "TaskFailed",
      "ExecutionFailed",
    ]);
    assert.equal(await aws.getItem("quotes", { sku: { S: "A-2" } }), undefined);
  });
});
