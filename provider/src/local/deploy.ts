/**
 * Creates in LocalStack what the components derived (derive.ts): roles and policies, log groups,
 * queues and their policies, state machines (definitions with queue URLs mapped to LocalStack's),
 * and the REST API with the package's own templates and integration role. Every input is either
 * used or refused: a resource type or input this deployer does not know fails the deployment.
 */
import { LocalAws } from "./awsClient";
import type { Derived } from "./derive";
import { queueAttributes } from "./queueAttributes";
import { createStateMachineRequest } from "./stateMachineRequest";

/** Registered but not created locally, and why (docs/engines.md). */
export const NOT_DEPLOYED: Record<string, string> = {
  "aws:cloudwatch/metricAlarm:MetricAlarm": "LocalStack does not evaluate alarms from Step Functions and SQS metrics",
  "aws:cloudwatch/logMetricFilter:LogMetricFilter": "LocalStack does not turn log events into metrics",
};

export interface LocalDeployment {
  /** State machine ARNs by Pulumi name. */
  stateMachines: Record<string, string>;
  /** Queue URLs in LocalStack by Pulumi name. */
  queues: Record<string, string>;
  /** The definition each machine was created with (queue URLs mapped). */
  definitions: Record<string, string>;
  /** Mock identifier -> LocalStack's. */
  mapping: Map<string, string>;
  skipped: Derived[];
}

const ORDER = [
  "aws:iam/role:Role",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/policy:Policy",
  "aws:cloudwatch/logGroup:LogGroup",
  "aws:sqs/queue:Queue",
  "aws:sqs/queuePolicy:QueuePolicy",
  "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy",
  "aws:sfn/stateMachine:StateMachine",
  "aws:apigateway/restApi:RestApi",
  "aws:apigateway/resource:Resource",
  "aws:apigateway/model:Model",
  "aws:apigateway/requestValidator:RequestValidator",
  "aws:apigateway/response:Response",
  "aws:apigateway/method:Method",
  "aws:apigateway/integration:Integration",
  "aws:apigateway/methodResponse:MethodResponse",
  "aws:apigateway/integrationResponse:IntegrationResponse",
  "aws:apigateway/deployment:Deployment",
  "aws:apigateway/stage:Stage",
];

/** Replaces every string that is exactly a mapped identifier, anywhere in a JSON value. */
export function mapIdentifiers(value: unknown, mapping: Map<string, string>): unknown {
  if (typeof value === "string") return mapping.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => mapIdentifiers(item, mapping));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapIdentifiers(item, mapping)]));
  return value;
}

export const mapJson = (text: string, mapping: Map<string, string>) => JSON.stringify(mapIdentifiers(JSON.parse(text), mapping));

/** Only the listed inputs (the rest must be undefined): an input the deployer would drop fails instead. */
function inputsOf(resource: Derived, known: string[]): Record<string, unknown> {
  const unknown = Object.keys(resource.inputs).filter((key) => resource.inputs[key] !== undefined && !known.includes(key));
  if (unknown.length)
    throw new Error(`${resource.type} ${resource.name}: the local deployer does not know the inputs ${unknown.join(", ")}`);
  return resource.inputs;
}

const apiPath = (inputs: Record<string, unknown>) =>
  `/restapis/${String(inputs.restApi)}/resources/${String(inputs.resourceId)}/methods/${String(inputs.httpMethod)}`;

/**
 * Creates the derived resources. A type the deployer cannot create fails the deployment, unless
 * `onNotCreated` is given (serve): then it is told what was left out, as it is of NOT_DEPLOYED types.
 */
export async function deployLocally(
  endpoint: string,
  derived: Derived[],
  onNotCreated?: (resources: Derived[]) => void,
): Promise<LocalDeployment> {
  const aws = new LocalAws(endpoint);
  const mapping = new Map<string, string>();
  const result: LocalDeployment = { stateMachines: {}, queues: {}, definitions: {}, mapping, skipped: [] };
  const rank = (type: string) => ORDER.indexOf(type);
  const resources = derived.filter((r) => r.custom);
  const unknown = resources.filter((r) => rank(r.type) < 0 && !NOT_DEPLOYED[r.type]);
  if (unknown.length && !onNotCreated)
    throw new Error(
      `the local deployer cannot create ${[...new Set(unknown.map((r) => r.type))].join(", ")} (${unknown.map((r) => r.name).join(", ")})`,
    );
  result.skipped = resources.filter((r) => rank(r.type) < 0);
  if (result.skipped.length) onNotCreated?.(result.skipped);
  const ordered = resources.filter((r) => rank(r.type) >= 0).sort((a, b) => rank(a.type) - rank(b.type));

  for (const resource of ordered) {
    // Ids LocalStack made up (API Gateway resources, deployments) replace the mocks' in later inputs.
    const mapped = { ...resource, inputs: mapIdentifiers(resource.inputs, mapping) as Record<string, unknown> };
    const created = await create(aws, mapped, mapping, result);
    if (created !== undefined && created !== resource.id) mapping.set(resource.id, created);
  }
  return result;
}

/** Creates one resource; answers its id in LocalStack. */
async function create(
  aws: LocalAws,
  resource: Derived,
  mapping: Map<string, string>,
  result: LocalDeployment,
): Promise<string | undefined> {
  const { state } = resource;
  const json = (text: string) => mapJson(text, mapping);
  switch (resource.type) {
    case "aws:iam/role:Role": {
      const inputs = inputsOf(resource, ["assumeRolePolicy", "description", "tags"]);
      await aws.iam("CreateRole", {
        RoleName: String(state.name),
        AssumeRolePolicyDocument: String(inputs.assumeRolePolicy),
        ...(inputs.description ? { Description: String(inputs.description) } : {}),
      });
      return undefined;
    }
    case "aws:iam/rolePolicy:RolePolicy": {
      const inputs = inputsOf(resource, ["role", "policy", "name"]);
      await aws.iam("PutRolePolicy", { RoleName: String(inputs.role), PolicyName: resource.name, PolicyDocument: String(inputs.policy) });
      return undefined;
    }
    case "aws:iam/policy:Policy": {
      const inputs = inputsOf(resource, ["policy", "description", "name", "namePrefix", "tags"]);
      await aws.iam("CreatePolicy", { PolicyName: String(state.name), PolicyDocument: String(inputs.policy) });
      return undefined;
    }
    case "aws:cloudwatch/logGroup:LogGroup": {
      const inputs = inputsOf(resource, ["name", "namePrefix", "retentionInDays", "kmsKeyId", "tags"]);
      await aws.json("logs", "Logs_20140328.CreateLogGroup", { logGroupName: state.name }, "1.1");
      if (inputs.retentionInDays)
        await aws.json(
          "logs",
          "Logs_20140328.PutRetentionPolicy",
          { logGroupName: state.name, retentionInDays: inputs.retentionInDays },
          "1.1",
        );
      return undefined;
    }
    case "aws:sqs/queue:Queue": {
      const { attributes, tags } = queueAttributes(resource.name, resource.inputs, json, "provider/src/local/deploy.ts");
      const { QueueUrl } = await aws.sqs<{ QueueUrl: string }>("CreateQueue", { QueueName: state.name, Attributes: attributes, tags });
      result.queues[resource.name] = QueueUrl;
      return QueueUrl;
    }
    case "aws:sqs/queuePolicy:QueuePolicy":
    case "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": {
      const policy = resource.type === "aws:sqs/queuePolicy:QueuePolicy";
      const inputs = inputsOf(resource, ["queueUrl", policy ? "policy" : "redriveAllowPolicy"]);
      const value = String(policy ? inputs.policy : inputs.redriveAllowPolicy);
      await aws.sqs("SetQueueAttributes", {
        QueueUrl: inputs.queueUrl,
        Attributes: { [policy ? "Policy" : "RedriveAllowPolicy"]: json(value) },
      });
      return undefined;
    }
    case "aws:sfn/stateMachine:StateMachine": {
      const request = createStateMachineRequest(resource.name, String(state.name), resource.inputs, json, "provider/src/local/deploy.ts");
      const { stateMachineArn } = await aws.sfn<{ stateMachineArn: string }>("CreateStateMachine", request);
      if (stateMachineArn !== state.arn) throw new Error(`LocalStack named ${resource.name} ${stateMachineArn}, not ${String(state.arn)}`);
      result.stateMachines[resource.name] = stateMachineArn;
      result.definitions[resource.name] = request.definition;
      return undefined;
    }
    case "aws:apigateway/restApi:RestApi": {
      const inputs = inputsOf(resource, ["name", "description", "endpointConfiguration", "tags"]);
      const types = (inputs.endpointConfiguration as { types?: string } | undefined)?.types;
      // `_custom_id_` makes LocalStack use the id the mocks answered (the execution ARN embeds it).
      const api = await aws.apigateway<{ id: string; rootResourceId: string }>("POST", "/restapis", {
        name: state.name,
        description: inputs.description,
        endpointConfiguration: types ? { types: [types] } : undefined,
        tags: { ...(inputs.tags as Record<string, string> | undefined), _custom_id_: resource.id },
      });
      if (api.id !== resource.id) throw new Error(`LocalStack gave the REST API ${resource.name} the id ${api.id}, not ${resource.id}`);
      mapping.set(String(state.rootResourceId), api.rootResourceId);
      return undefined;
    }
    case "aws:apigateway/resource:Resource": {
      const inputs = inputsOf(resource, ["restApi", "parentId", "pathPart"]);
      const created = await aws.apigateway<{ id: string }>(
        "POST",
        `/restapis/${String(inputs.restApi)}/resources/${String(inputs.parentId)}`,
        {
          pathPart: inputs.pathPart,
        },
      );
      return created.id;
    }
    case "aws:apigateway/model:Model": {
      const inputs = inputsOf(resource, ["restApi", "name", "contentType", "schema", "description"]);
      await aws.apigateway("POST", `/restapis/${String(inputs.restApi)}/models`, {
        name: inputs.name,
        contentType: inputs.contentType,
        schema: inputs.schema,
        description: inputs.description,
      });
      return undefined;
    }
    case "aws:apigateway/requestValidator:RequestValidator": {
      const inputs = inputsOf(resource, ["restApi", "name", "validateRequestBody", "validateRequestParameters"]);
      const created = await aws.apigateway<{ id: string }>("POST", `/restapis/${String(inputs.restApi)}/requestvalidators`, {
        name: inputs.name,
        validateRequestBody: inputs.validateRequestBody ?? false,
        validateRequestParameters: inputs.validateRequestParameters ?? false,
      });
      return created.id;
    }
    case "aws:apigateway/response:Response": {
      const inputs = inputsOf(resource, ["restApiId", "responseType", "statusCode", "responseTemplates", "responseParameters"]);
      await aws.apigateway("PUT", `/restapis/${String(inputs.restApiId)}/gatewayresponses/${String(inputs.responseType)}`, {
        statusCode: inputs.statusCode,
        responseTemplates: inputs.responseTemplates,
        responseParameters: inputs.responseParameters,
      });
      return undefined;
    }
    case "aws:apigateway/method:Method": {
      const inputs = inputsOf(resource, [
        "restApi",
        "resourceId",
        "httpMethod",
        "authorization",
        "apiKeyRequired",
        "requestValidatorId",
        "requestModels",
        "requestParameters",
      ]);
      await aws.apigateway("PUT", apiPath(inputs), {
        authorizationType: inputs.authorization,
        apiKeyRequired: inputs.apiKeyRequired,
        requestValidatorId: inputs.requestValidatorId,
        requestModels: inputs.requestModels,
        requestParameters: inputs.requestParameters,
      });
      return undefined;
    }
    case "aws:apigateway/integration:Integration": {
      const inputs = inputsOf(resource, [
        "restApi",
        "resourceId",
        "httpMethod",
        "type",
        "integrationHttpMethod",
        "uri",
        "credentials",
        "passthroughBehavior",
        "requestTemplates",
        "requestParameters",
        "timeoutMilliseconds",
      ]);
      await aws.apigateway("PUT", `${apiPath(inputs)}/integration`, {
        type: inputs.type,
        httpMethod: inputs.integrationHttpMethod,
        uri: inputs.uri,
        credentials: inputs.credentials,
        passthroughBehavior: inputs.passthroughBehavior,
        requestTemplates: inputs.requestTemplates,
        requestParameters: inputs.requestParameters,
        timeoutInMillis: inputs.timeoutMilliseconds,
      });
      return undefined;
    }
    case "aws:apigateway/methodResponse:MethodResponse": {
      const inputs = inputsOf(resource, ["restApi", "resourceId", "httpMethod", "statusCode", "responseParameters", "responseModels"]);
      await aws.apigateway("PUT", `${apiPath(inputs)}/responses/${String(inputs.statusCode)}`, {
        responseParameters: inputs.responseParameters,
        responseModels: inputs.responseModels,
      });
      return undefined;
    }
    case "aws:apigateway/integrationResponse:IntegrationResponse": {
      const inputs = inputsOf(resource, [
        "restApi",
        "resourceId",
        "httpMethod",
        "statusCode",
        "responseTemplates",
        "responseParameters",
        "selectionPattern",
      ]);
      await aws.apigateway("PUT", `${apiPath(inputs)}/integration/responses/${String(inputs.statusCode)}`, {
        responseTemplates: inputs.responseTemplates,
        responseParameters: inputs.responseParameters,
        selectionPattern: inputs.selectionPattern,
      });
      return undefined;
    }
    case "aws:apigateway/deployment:Deployment": {
      // `triggers` only tells Pulumi when to redeploy; a local deployment is always fresh.
      const inputs = inputsOf(resource, ["restApi", "description", "triggers"]);
      const created = await aws.apigateway<{ id: string }>("POST", `/restapis/${String(inputs.restApi)}/deployments`, {
        description: inputs.description,
      });
      return created.id;
    }
    case "aws:apigateway/stage:Stage": {
      const inputs = inputsOf(resource, ["restApi", "deployment", "stageName", "xrayTracingEnabled", "tags"]);
      await aws.apigateway("POST", `/restapis/${String(inputs.restApi)}/stages`, {
        stageName: inputs.stageName,
        deploymentId: inputs.deployment,
        tracingEnabled: inputs.xrayTracingEnabled,
      });
      return undefined;
    }
  }
  return undefined;
}
