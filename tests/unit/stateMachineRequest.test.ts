/**
 * The CreateStateMachine request both local deployers send (LocalStack's, and moto's in tests/e2e):
 * the AWS provider's input names turned into the API's, and an input it does not know refused.
 */
import { strict as assert } from "node:assert";
import { createStateMachineRequest } from "../../provider/src/local/stateMachineRequest";

const ROLE = "arn:aws:iam::000000000000:role/orders-role";
const LOG_GROUP = "arn:aws:logs:us-east-1:000000000000:log-group:/aws/vendedlogs/states/orders:*";

describe("createStateMachineRequest", () => {
  it("maps every input: logging destination, tracing, publish, tags as key/value pairs, the definition rewritten", () => {
    const request = createStateMachineRequest(
      "orders",
      "orders-sm",
      {
        name: "orders-sm",
        type: "EXPRESS",
        roleArn: ROLE,
        definition: '{"StartAt":"A"}',
        loggingConfiguration: { level: "ERROR", includeExecutionData: true, logDestination: LOG_GROUP },
        tracingConfiguration: { enabled: true },
        publish: true,
        tags: { team: "orders", stage: "dev" },
      },
      (text) => text.replace('"A"', '"B"'),
      "here",
    );
    assert.deepEqual(request, {
      name: "orders-sm",
      type: "EXPRESS",
      roleArn: ROLE,
      definition: '{"StartAt":"B"}',
      loggingConfiguration: {
        level: "ERROR",
        includeExecutionData: true,
        destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: LOG_GROUP } }],
      },
      tracingConfiguration: { enabled: true },
      publish: true,
      tags: [
        { key: "team", value: "orders" },
        { key: "stage", value: "dev" },
      ],
    });
  });

  it("leaves out what is not given: no destinations without a log group, no tags", () => {
    const request = createStateMachineRequest(
      "orders",
      "orders-sm",
      { type: "STANDARD", roleArn: ROLE, definition: "{}", loggingConfiguration: { level: "OFF" }, tags: undefined },
      (text) => text,
      "here",
    );
    assert.equal(
      JSON.stringify(request),
      `{"name":"orders-sm","type":"STANDARD","roleArn":"${ROLE}","definition":"{}","loggingConfiguration":{"level":"OFF"}}`,
    );
  });

  it("refuses an input it would drop, naming the resource, the inputs and the deployer to teach", () => {
    assert.throws(
      () =>
        createStateMachineRequest(
          "orders",
          "orders-sm",
          { definition: "{}", encryptionConfiguration: {}, region: "eu-west-1" },
          (t) => t,
          "here.ts",
        ),
      {
        message: "orders: the local deployer does not know the StateMachine inputs encryptionConfiguration, region; teach it (here.ts)",
      },
    );
  });
});
