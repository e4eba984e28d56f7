/**
 * The HTTP API: one route to an AWS_PROXY integration of subtype StepFunctions-StartSyncExecution.
 * Cheaper and simpler than REST, but the integration cannot remap anything: the body is the input
 * as sent and the caller gets StartSyncExecution's raw answer (HTTP 200 even for failed executions).
 */
import * as aws from "../aws";
import { executionArn, routeUrl } from "./addresses";
import { credentialsRole } from "./role";
import { INTEGRATION_TIMEOUT_SECONDS } from "./settings";
import { accessLogSettings, redeployTrigger } from "./stage";
import type { EndpointInput, EndpointResources } from "./types";

// API_KEY and COGNITO cannot reach here (checked); they map to IAM so that nothing fails open.
const ROUTE_AUTHORIZATION = { IAM: "AWS_IAM", NONE: "NONE", JWT: "JWT", API_KEY: "AWS_IAM", COGNITO: "AWS_IAM" } as const;

export function httpEndpoint(input: EndpointInput): EndpointResources {
  const { name, settings, parent, tags } = input;
  const cors = settings.cors;
  const api = new aws.apigatewayv2.Api(
    name,
    {
      protocolType: "HTTP",
      description: `Runs a state machine synchronously (${settings.method} ${settings.path})`,
      corsConfiguration: cors && {
        allowOrigins: cors.allowOrigins,
        allowHeaders: cors.allowHeaders,
        allowMethods: cors.allowMethods,
        maxAge: cors.maxAgeSeconds,
        allowCredentials: cors.allowCredentials,
      },
      tags,
    },
    { parent },
  );
  const { role, policy } = credentialsRole({
    name: `${name}-role`,
    apiExecutionArn: executionArn(input, api.id, api.executionArn),
    stateMachineArn: input.stateMachineArn,
    tags,
    parent,
  });
  const integration = new aws.apigatewayv2.Integration(
    name,
    {
      apiId: api.id,
      integrationType: "AWS_PROXY",
      integrationSubtype: "StepFunctions-StartSyncExecution",
      credentialsArn: role.arn,
      payloadFormatVersion: "1.0",
      requestParameters: { StateMachineArn: input.stateMachineArn, Input: "$request.body" },
      timeoutMilliseconds: INTEGRATION_TIMEOUT_SECONDS.HTTP * 1000,
    },
    { parent, dependsOn: [policy] },
  );
  const authorizer =
    settings.authorization === "JWT" && input.jwt
      ? new aws.apigatewayv2.Authorizer(
          `${name}-jwt`,
          {
            apiId: api.id,
            authorizerType: "JWT",
            identitySources: ["$request.header.Authorization"],
            jwtConfiguration: { issuer: input.jwt.issuer, audiences: input.jwt.audience },
          },
          { parent },
        )
      : undefined;
  const route = new aws.apigatewayv2.Route(
    name,
    {
      apiId: api.id,
      routeKey: `${settings.method} ${settings.path}`,
      target: integration.id.apply((id) => `integrations/${id}`),
      authorizationType: ROUTE_AUTHORIZATION[settings.authorization],
      authorizerId: authorizer?.id,
      authorizationScopes: input.authorizationScopes,
    },
    { parent },
  );
  const deployment = new aws.apigatewayv2.Deployment(
    name,
    {
      apiId: api.id,
      description: `${settings.method} ${settings.path}`,
      triggers: redeployTrigger({
        route: {
          routeKey: `${settings.method} ${settings.path}`,
          authorization: settings.authorization,
          scopes: input.authorizationScopes,
        },
        integration: { stateMachineArn: input.stateMachineArn },
        jwt: input.jwt,
      }),
    },
    { parent, dependsOn: [route, integration, ...(authorizer ? [authorizer] : [])] },
  );
  const stage = new aws.apigatewayv2.Stage(
    name,
    {
      apiId: api.id,
      name: settings.stageName,
      deploymentId: deployment.id,
      accessLogSettings: accessLogSettings(name, settings, input.accessLogsKmsKeyArn, tags, parent),
      defaultRouteSettings: settings.throttle
        ? { throttlingRateLimit: settings.throttle.rateLimit, throttlingBurstLimit: settings.throttle.burstLimit }
        : undefined,
      tags,
    },
    { parent },
  );
  return {
    apiId: api.id,
    stageName: stage.name,
    url: routeUrl(input, { apiId: api.id, stageName: stage.name, invokeUrl: stage.invokeUrl }, settings.path),
    roleArn: role.arn,
  };
}
