/**
 * What Pulumi mocks answer in place of AWS: ids, ARNs and URLs shaped like the real ones (the
 * package's own shapes, provider/src/local/identifiers.ts), and the account/region/partition
 * invokes (tests/unit/minimalMocks.test.ts runs the components without them). Plain JavaScript so
 * the benchmark can load it without a TypeScript loader; tests/support/mocks.ts wraps it for the
 * test suites.
 */
const { createHash } = require("node:crypto");
// As built (`make build`): the benchmark runs without a TypeScript loader.
const { awsIdentifiers } = require("../../provider/bin/local/identifiers");

const ACCOUNT = "123456789012";
const REGION = "us-east-1";

/** A stable stand-in for a state machine revision ID: a hash of what makes a revision. */
function revisionOf(inputs) {
  return createHash("sha256")
    .update(JSON.stringify([inputs.definition, inputs.roleArn, inputs.loggingConfiguration, inputs.tracingConfiguration]))
    .digest("hex")
    .slice(0, 32);
}

/** The state a resource of `type` named `name` has after creation with `inputs`. */
function fakeState(type, name, inputs) {
  const physical = inputs.name ?? (inputs.namePrefix ? `${inputs.namePrefix}abc123` : `${name}-abc123`);
  switch (type) {
    case "aws:sfn/stateMachine:StateMachine":
      // Step Functions gives every definition or configuration change a new revision ID.
      return { ...inputs, name: physical, ...awsIdentifiers(type, physical, REGION, ACCOUNT), revisionId: revisionOf(inputs) };
    case "aws-native:stepfunctions:StateMachineVersion":
      return { ...inputs, arn: `${inputs.stateMachineArn}:1` };
    case "aws-native:stepfunctions:StateMachineAlias":
      return {
        ...inputs,
        arn: `${String(inputs.deploymentPreference && inputs.deploymentPreference.stateMachineVersionArn).replace(/:\d+$/, "")}:${inputs.name}`,
      };
    // API Gateway: ids are `${name}-id` (see fakeId). The components build execution ARNs and
    // invoke URLs from the id and the invokes, so none is invented here.
    case "aws:apigateway/restApi:RestApi":
    case "aws:apigatewayv2/api:Api":
      return { ...inputs, name: physical, rootResourceId: `${name}-root` };
    default:
      return { ...inputs, name: physical, ...awsIdentifiers(type, physical, REGION, ACCOUNT) };
  }
}

/** The id a resource named `name` gets. */
const fakeId = (name) => `${name}-id`;

/** What an invoke answers; `caller` names the principal getCallerIdentity reports. */
function fakeCall(token, inputs, caller) {
  switch (token) {
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
    case "aws:index/getRegion:getRegion":
      return { region: REGION, name: REGION, id: REGION };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/${caller}`, userId: caller, id: ACCOUNT };
    default:
      return inputs;
  }
}

module.exports = { ACCOUNT, REGION, fakeState, fakeId, fakeCall };
