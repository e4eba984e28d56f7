/**
 * The REST API: one route whose AWS integration calls StartSyncExecution with the request template,
 * a response template that turns the execution's status into the caller's, request validation that
 * answers 400 to a non-JSON body before any execution starts, and a stage redeployed on change.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { presentText, whenPresent } from "../present";
import { executionArn, routeUrl } from "./addresses";
import { requestTemplate } from "./requestTemplate";
import { responseStatuses, responseTemplate } from "./responseTemplate";
import { corsHeaders, gatewayResponses, integrationResponseHeaders, methodResponseHeaders, preflight } from "./restCors";
import { credentialsRole } from "./role";
import { INTEGRATION_TIMEOUT_SECONDS } from "./settings";
import { accessLogSettings, redeployTrigger } from "./stage";
import type { EndpointInput, EndpointResources } from "./types";

/** Any JSON value: the validator only makes sure the body parses. */
export const ANY_JSON_SCHEMA = { $schema: "http://json-schema.org/draft-04/schema#", title: "AnyJson" };

// JWT cannot reach here (checked); it maps to IAM so that nothing fails open.
const METHOD_AUTHORIZATION = { IAM: "AWS_IAM", NONE: "NONE", API_KEY: "NONE", COGNITO: "COGNITO_USER_POOLS", JWT: "AWS_IAM" } as const;

/** Resources along the path; the route hangs off the last one. */
function pathResources(name: string, api: aws.apigateway.RestApi, segments: string[], parent: pulumi.Resource): pulumi.Output<string> {
  let parentId = api.rootResourceId;
  segments.forEach((pathPart, i) => {
    parentId = new aws.apigateway.Resource(`${name}-path-${i + 1}`, { restApi: api.id, parentId, pathPart }, { parent }).id;
  });
  return parentId;
}

function apiKey(input: EndpointInput, api: aws.apigateway.RestApi, stage: aws.apigateway.Stage): pulumi.Output<string> {
  const { name, settings, parent, tags } = input;
  const plan = new aws.apigateway.UsagePlan(
    name,
    {
      apiStages: [{ apiId: api.id, stage: stage.stageName }],
      throttleSettings: settings.throttle
        ? { rateLimit: settings.throttle.rateLimit, burstLimit: settings.throttle.burstLimit }
        : undefined,
      tags,
    },
    { parent },
  );
  const key = new aws.apigateway.ApiKey(name, { enabled: true, tags }, { parent });
  new aws.apigateway.UsagePlanKey(name, { usagePlanId: plan.id, keyId: key.id, keyType: "API_KEY" }, { parent });
  return key.id;
}

export function restEndpoint(input: EndpointInput): EndpointResources {
  const { name, settings, parent, tags } = input;
  const api = new aws.apigateway.RestApi(
    name,
    {
      description: `Runs a state machine synchronously (${settings.method} ${settings.path})`,
      endpointConfiguration: { types: "REGIONAL" },
      tags,
    },
    { parent },
  );
  const restApi = api.id;
  const resourceId = pathResources(name, api, settings.segments, parent);
  const model = new aws.apigateway.Model(
    `${name}-json`,
    { restApi, name: "AnyJson", contentType: "application/json", schema: JSON.stringify(ANY_JSON_SCHEMA) },
    { parent },
  );
  const validator = new aws.apigateway.RequestValidator(
    `${name}-body`,
    { restApi, name: "json-body", validateRequestBody: true },
    { parent },
  );
  const authorizer =
    settings.authorization === "COGNITO"
      ? new aws.apigateway.Authorizer(
          `${name}-cognito`,
          {
            restApi,
            type: "COGNITO_USER_POOLS",
            providerArns: input.cognitoUserPoolArns,
            identitySource: "method.request.header.Authorization",
          },
          { parent },
        )
      : undefined;
  const method = new aws.apigateway.Method(
    name,
    {
      restApi,
      resourceId,
      httpMethod: settings.method,
      authorization: METHOD_AUTHORIZATION[settings.authorization],
      authorizerId: authorizer?.id,
      authorizationScopes: input.authorizationScopes,
      apiKeyRequired: settings.authorization === "API_KEY",
      requestValidatorId: validator.id,
      requestModels: { "application/json": model.name },
    },
    { parent },
  );
  const { role, policy } = credentialsRole({
    name: `${name}-role`,
    apiExecutionArn: executionArn(input, restApi, api.executionArn),
    stateMachineArn: input.stateMachineArn,
    tags,
    parent,
  });
  const templates = {
    request: whenPresent([input.stateMachineArn], (arn) => requestTemplate(arn, settings.request, settings.pathParameters)),
    response: responseTemplate(settings),
  };
  const integration = new aws.apigateway.Integration(
    name,
    {
      restApi,
      resourceId,
      httpMethod: method.httpMethod,
      type: "AWS",
      integrationHttpMethod: "POST",
      uri: presentText`arn:${input.partition}:apigateway:${input.region}:states:action/StartSyncExecution`,
      credentials: role.arn,
      // Content types without a template get 415 instead of reaching Step Functions unmapped.
      passthroughBehavior: "NEVER",
      requestTemplates: { "application/json": templates.request },
      timeoutMilliseconds: INTEGRATION_TIMEOUT_SECONDS.REST * 1000,
    },
    { parent, dependsOn: [policy] },
  );
  const cors = settings.cors ? corsHeaders(settings.cors, false) : {};
  const methodResponses = responseStatuses(settings).map(
    (status) =>
      new aws.apigateway.MethodResponse(
        `${name}-${status}`,
        {
          restApi,
          resourceId,
          httpMethod: method.httpMethod,
          statusCode: String(status),
          responseParameters: methodResponseHeaders(cors),
        },
        { parent },
      ),
  );
  // The default (and only) integration response: the template picks the status.
  const integrationResponse = new aws.apigateway.IntegrationResponse(
    name,
    {
      restApi,
      resourceId,
      httpMethod: method.httpMethod,
      statusCode: "200",
      responseTemplates: { "application/json": templates.response },
      responseParameters: integrationResponseHeaders(cors),
    },
    { parent, dependsOn: [integration, ...methodResponses] },
  );
  const extras = [
    ...(settings.cors ? preflight({ name, restApi, resourceId, parent }, settings.cors) : []),
    ...gatewayResponses({ name, restApi, parent }, settings.cors),
  ];
  const deployment = new aws.apigateway.Deployment(
    name,
    {
      restApi,
      description: `${settings.method} ${settings.path}`,
      triggers: redeployTrigger({
        settings: { ...settings, accessLogs: undefined, throttle: undefined, tracing: undefined },
        templates,
        pools: input.cognitoUserPoolArns,
      }),
    },
    { parent, dependsOn: [method, integration, integrationResponse, ...methodResponses, ...extras, ...(authorizer ? [authorizer] : [])] },
  );
  const stage = new aws.apigateway.Stage(
    name,
    {
      restApi,
      deployment: deployment.id,
      stageName: settings.stageName,
      xrayTracingEnabled: settings.tracing,
      accessLogSettings: accessLogSettings(name, settings, input.accessLogsKmsKeyArn, tags, parent),
      tags,
    },
    { parent },
  );
  if (settings.throttle) {
    new aws.apigateway.MethodSettings(
      name,
      {
        restApi,
        stageName: stage.stageName,
        methodPath: "*/*",
        settings: { throttlingRateLimit: settings.throttle.rateLimit, throttlingBurstLimit: settings.throttle.burstLimit },
      },
      { parent },
    );
  }
  return {
    apiId: restApi,
    stageName: stage.stageName,
    url: routeUrl(input, { apiId: restApi, stageName: stage.stageName, invokeUrl: stage.invokeUrl }, settings.path),
    roleArn: role.arn,
    apiKeyId: settings.authorization === "API_KEY" ? apiKey(input, api, stage) : undefined,
  };
}
