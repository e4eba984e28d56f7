/**
 * REST API extras around the route: the preflight (OPTIONS) answer, and gateway responses so that
 * API Gateway's own errors (bad body, denied, throttled, timed out) carry CORS headers and the
 * same `{"error", "cause"}` body shape as execution failures.
 */
import * as aws from "../aws";
import type * as pulumi from "@pulumi/pulumi";
import type { EndpointSettings } from "./types";

type Cors = NonNullable<EndpointSettings["cors"]>;

/** Header values as API Gateway wants static ones: in single quotes. */
export function corsHeaders(cors: Cors, preflight: boolean): Record<string, string> {
  const headers: Record<string, string> = { "Access-Control-Allow-Origin": `'${cors.allowOrigins[0]}'` };
  if (cors.allowCredentials) headers["Access-Control-Allow-Credentials"] = "'true'";
  if (preflight) {
    headers["Access-Control-Allow-Methods"] = `'${cors.allowMethods.join(",")}'`;
    headers["Access-Control-Allow-Headers"] = `'${cors.allowHeaders.join(",")}'`;
    if (cors.maxAgeSeconds !== undefined) headers["Access-Control-Max-Age"] = `'${cors.maxAgeSeconds}'`;
  }
  return headers;
}

const prefixed = <T>(prefix: string, headers: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [`${prefix}.${name}`, value]));

/** A method response's declaration of the headers its integration response sets. */
export const methodResponseHeaders = (headers: Record<string, string>): Record<string, boolean> =>
  prefixed("method.response.header", Object.fromEntries(Object.keys(headers).map((name) => [name, true])));

/** An integration response's static header values (corsHeaders). */
export const integrationResponseHeaders = (headers: Record<string, string>): Record<string, string> =>
  prefixed("method.response.header", headers);

export interface RestRoute {
  name: string;
  restApi: pulumi.Output<string>;
  resourceId: pulumi.Input<string>;
  parent: pulumi.Resource;
}

/** OPTIONS answered by API Gateway itself (a MOCK integration), without authorization. */
export function preflight(route: RestRoute, cors: Cors): pulumi.Resource[] {
  const { restApi, resourceId, parent } = route;
  const name = `${route.name}-options`;
  const headers = corsHeaders(cors, true);
  const method = new aws.apigateway.Method(name, { restApi, resourceId, httpMethod: "OPTIONS", authorization: "NONE" }, { parent });
  const integration = new aws.apigateway.Integration(
    name,
    { restApi, resourceId, httpMethod: method.httpMethod, type: "MOCK", requestTemplates: { "application/json": '{"statusCode": 200}' } },
    { parent },
  );
  const methodResponse = new aws.apigateway.MethodResponse(
    name,
    {
      restApi,
      resourceId,
      httpMethod: method.httpMethod,
      statusCode: "200",
      responseParameters: methodResponseHeaders(headers),
    },
    { parent },
  );
  const integrationResponse = new aws.apigateway.IntegrationResponse(
    name,
    {
      restApi,
      resourceId,
      httpMethod: method.httpMethod,
      statusCode: "200",
      responseParameters: integrationResponseHeaders(headers),
    },
    { parent, dependsOn: [integration, methodResponse] },
  );
  return [method, integration, methodResponse, integrationResponse];
}

/** Gateway responses: the bad-body 400 in our error shape, and CORS headers on every API Gateway error. */
export function gatewayResponses(route: Omit<RestRoute, "resourceId">, cors: Cors | undefined): aws.apigateway.Response[] {
  const { name, restApi, parent } = route;
  const responseParameters = cors ? prefixed("gatewayresponse.header", corsHeaders(cors, false)) : undefined;
  const responses = [
    new aws.apigateway.Response(
      `${name}-bad-request-body`,
      {
        restApiId: restApi,
        responseType: "BAD_REQUEST_BODY",
        statusCode: "400",
        // Gateway response templates are not Velocity: only $context substitution; messageString is already quoted.
        responseTemplates: { "application/json": '{"error":"BadRequestBody","cause":$context.error.messageString}' },
        responseParameters,
      },
      { parent },
    ),
  ];
  if (cors) {
    for (const type of ["DEFAULT_4XX", "DEFAULT_5XX"]) {
      responses.push(
        new aws.apigateway.Response(
          `${name}-${type.toLowerCase().replace("_", "-")}`,
          {
            restApiId: restApi,
            responseType: type,
            responseTemplates: { "application/json": '{"message":$context.error.messageString}' },
            responseParameters,
          },
          { parent },
        ),
      );
    }
  }
  return responses;
}
