/**
 * Arguments of SyncEndpoint: the types generated from schema.json (the one source of truth), under
 * the names the component uses. Defaults are documented in the schema and applied in settings.ts.
 */
import type * as schema from "../../schema-types";

export type SyncEndpointApiType = schema.ApiType;
export type SyncEndpointMethod = schema.HttpMethod;
export type SyncEndpointAuthorization = schema.Authorization;

/** Request-context fields the REST template can copy into the input (key = name under `context`). */
export const REQUEST_CONTEXT_FIELDS = {
  requestId: "requestId",
  requestTime: "requestTime",
  requestTimeEpoch: "requestTimeEpoch",
  httpMethod: "httpMethod",
  path: "path",
  resourcePath: "resourcePath",
  stage: "stage",
  apiId: "apiId",
  domainName: "domainName",
  sourceIp: "identity.sourceIp",
  userAgent: "identity.userAgent",
  userArn: "identity.userArn",
  caller: "identity.caller",
  accountId: "identity.accountId",
  apiKeyId: "identity.apiKeyId",
  principalOrgId: "identity.principalOrgId",
  cognitoIdentityId: "identity.cognitoIdentityId",
  xrayTraceId: "xrayTraceId",
} as const satisfies Record<schema.RequestContextField, string>;
export type RequestContextField = schema.RequestContextField;

export type SyncEndpointRequestArgs = schema.SyncEndpointRequestArgs;
export type SyncEndpointCorsArgs = schema.SyncEndpointCorsArgs;
export type SyncEndpointThrottleArgs = schema.SyncEndpointThrottleArgs;
export type SyncEndpointAccessLogsArgs = schema.SyncEndpointAccessLogsArgs;
/** What both a bare SyncEndpoint and Workflow's `syncEndpoint` take. */
export type SyncEndpointOptions = schema.WorkflowSyncEndpointArgs;
export type SyncEndpointArgs = schema.SyncEndpointArgs;
