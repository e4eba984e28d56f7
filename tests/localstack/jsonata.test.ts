/**
 * JSONata workflows, which moto cannot run, executed by LocalStack: an EXPRESS one through the sync
 * endpoint (its computed error names mapped to statuses) and with StartSyncExecution from the SDK,
 * and a STANDARD one with Map and Parallel.
 */
import { strict as assert } from "node:assert";
import { DescribeExecutionCommand, StartExecutionCommand, StartSyncExecutionCommand } from "@aws-sdk/client-sfn";
import { LocalEngine, type DeployedWorkflow } from "./support/engine";

const PRICE = {
  QueryLanguage: "JSONata",
  StartAt: "Check",
  TimeoutSeconds: 10,
  States: {
    Check: {
      Type: "Choice",
      Choices: [{ Condition: "{% $count($states.input.body.items) = 0 %}", Next: "Empty" }],
      Default: "Total",
    },
    Total: {
      Type: "Pass",
      Output: {
        sku: "{% $states.input.body.sku %}",
        total: "{% $sum($states.input.body.items.(price * qty)) %}",
        lines: "{% $count($states.input.body.items) %}",
        label: "{% $uppercase($states.input.body.sku) & ' x' & $string($sum($states.input.body.items.qty)) %}",
      },
      End: true,
    },
    Empty: { Type: "Fail", Error: "{% 'Quote.' & 'Empty' %}", Cause: "{% 'no items for ' & $states.input.body.sku %}" },
  },
};

const FAN_OUT = {
  QueryLanguage: "JSONata",
  StartAt: "Both",
  States: {
    Both: {
      Type: "Parallel",
      Branches: [
        {
          StartAt: "Each",
          States: {
            Each: {
              Type: "Map",
              Items: "{% $states.input.numbers %}",
              ItemProcessor: {
                StartAt: "Square",
                States: { Square: { Type: "Pass", Output: "{% $states.input * $states.input %}", End: true } },
              },
              End: true,
            },
          },
        },
        { StartAt: "Sum", States: { Sum: { Type: "Pass", Output: "{% $sum($states.input.numbers) %}", End: true } } },
      ],
      Output: "{% {'squares': $states.result[0], 'sum': $states.result[1]} %}",
      End: true,
    },
  },
};

describe("LocalStack: JSONata workflows", function () {
  this.timeout(180_000);
  let engine: LocalEngine;
  let price: DeployedWorkflow;

  before(async () => {
    engine = await LocalEngine.start();
    price = await engine.deploy("jsonata-price", {
      workflowType: "EXPRESS",
      definition: PRICE,
      syncEndpoint: { path: "/price", authorization: "NONE", errorStatusCodes: { "Quote.*": 422 } },
    });
    // The first JSONata evaluation starts LocalStack's JVM: seconds, more on a loaded machine, which
    // would count against the definition's TimeoutSeconds. One execution first, then the tests.
    await engine.sfn.send(
      new StartSyncExecutionCommand({ stateMachineArn: price.stateMachineArn, input: '{"body":{"sku":"warm-up","items":[]}}' }),
    );
  });

  after(async () => {
    await engine?.stop();
  });

  async function post(body: unknown) {
    const response = await fetch(price.endpointUrl as string, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: (await response.text()).trim() };
  }

  it("through the endpoint: 200 with what the JSONata expressions computed", async () => {
    const answer = await post({
      sku: "ab-1",
      items: [
        { price: 2.5, qty: 2 },
        { price: 10, qty: 1 },
      ],
    });
    assert.deepEqual(answer, { status: 200, text: '{"sku":"ab-1","total":15,"lines":2,"label":"AB-1 x3"}' });
  });

  it("through the endpoint: an error name computed by JSONata maps by prefix", async () => {
    const answer = await post({ sku: "ab-1", items: [] });
    assert.deepEqual(answer, { status: 422, text: '{"error":"Quote.Empty","cause":"no items for ab-1"}' });
  });

  it("StartSyncExecution from the SDK (no host prefix): the same output", async () => {
    const result = await engine.sfn.send(
      new StartSyncExecutionCommand({
        stateMachineArn: price.stateMachineArn,
        input: JSON.stringify({ body: { sku: "c", items: [{ price: 1, qty: 4 }] } }),
      }),
    );
    assert.deepEqual(
      { status: result.status, output: result.output },
      { status: "SUCCEEDED", output: '{"sku":"c","total":4,"lines":1,"label":"C x4"}' },
    );
  });

  it("STANDARD with Map and Parallel: the combined output", async () => {
    const fanOut = await engine.deploy("jsonata-fan-out", { definition: FAN_OUT });
    const { executionArn } = await engine.sfn.send(
      new StartExecutionCommand({ stateMachineArn: fanOut.stateMachineArn, input: JSON.stringify({ numbers: [1, 2, 3, 4] }) }),
    );
    let execution = await engine.sfn.send(new DescribeExecutionCommand({ executionArn }));
    for (let i = 0; i < 100 && execution.status === "RUNNING"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      execution = await engine.sfn.send(new DescribeExecutionCommand({ executionArn }));
    }
    assert.deepEqual(
      { status: execution.status, output: execution.output },
      { status: "SUCCEEDED", output: '{"squares":[1,4,9,16],"sum":10}' },
    );
  });
});
