/** Pulumi aws.sfn.StateMachine inputs as a CreateStateMachine request, for the local deployers (LocalStack here, moto in tests/e2e). */

/** The inputs the request is made of; any other input fails the deployment rather than being dropped. */
const STATE_MACHINE_INPUTS = new Set([
  "name",
  "namePrefix",
  "type",
  "roleArn",
  "definition",
  "loggingConfiguration",
  "tracingConfiguration",
  "publish",
  "tags",
]);

interface StateMachineInputs {
  type?: "STANDARD" | "EXPRESS";
  roleArn?: string;
  definition: string;
  loggingConfiguration?: { level: "ALL" | "ERROR" | "FATAL" | "OFF"; includeExecutionData?: boolean; logDestination?: string };
  tracingConfiguration?: { enabled?: boolean };
  publish?: boolean;
  tags?: Record<string, string>;
}

/**
 * The request creating the machine `name` from a StateMachine's inputs; `json` rewrites the
 * definition (identifiers mapped to the engine's). `where` names the deployer for the error about an
 * unknown input.
 */
export function createStateMachineRequest(
  resourceName: string,
  name: string,
  raw: Record<string, unknown>,
  json: (text: string) => string,
  where: string,
) {
  const unknown = Object.keys(raw).filter((key) => raw[key] !== undefined && !STATE_MACHINE_INPUTS.has(key));
  if (unknown.length)
    throw new Error(`${resourceName}: the local deployer does not know the StateMachine inputs ${unknown.join(", ")}; teach it (${where})`);
  const inputs = raw as unknown as StateMachineInputs;
  const logging = inputs.loggingConfiguration;
  return {
    name,
    type: inputs.type,
    roleArn: inputs.roleArn,
    definition: json(inputs.definition),
    loggingConfiguration: logging && {
      level: logging.level,
      includeExecutionData: logging.includeExecutionData,
      destinations: logging.logDestination ? [{ cloudWatchLogsLogGroup: { logGroupArn: logging.logDestination } }] : undefined,
    },
    tracingConfiguration: inputs.tracingConfiguration,
    publish: inputs.publish,
    tags: inputs.tags && Object.entries(inputs.tags).map(([key, value]) => ({ key, value })),
  };
}
