/** Arguments of SyncEndpoint; every default is stated here and applied in settings.ts. */
import type * as pulumi from "@pulumi/pulumi";

export type SyncEndpointApiType = "REST" | "HTTP";
export type SyncEndpointMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type SyncEndpointAuthorization = "IAM" | "NONE" | "API_KEY" | "COGNITO" | "JWT";

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
} as const;
export type RequestContextField = keyof typeof REQUEST_CONTEXT_FIELDS;

/**
 * Which parts of the HTTP request reach the workflow input (REST only; an HTTP API passes the body).
 * With every part off, the input is the body itself; otherwise `{ body, path?, querystring?, ... }`.
 */
export interface SyncEndpointRequestArgs {
  /** Path parameters under `path`. Default true. */
  pathParameters?: boolean;
  /** Query string parameters under `querystring` (API Gateway keeps one value per name). Default true. */
  queryString?: boolean;
  /** Headers under `headers`: true for all but credentials (Authorization, X-Api-Key, X-Amz-Security-Token), or the names to pass. Default false. */
  headers?: boolean | string[];
  /** Cognito claims of the caller under `claims` (authorization COGNITO), by name: `["sub", "email"]`. Default none. */
  authorizerClaims?: string[];
  /** Request-context fields under `context`, as strings (null when empty). Default none. */
  context?: RequestContextField[];
}

export interface SyncEndpointCorsArgs {
  /** Origins allowed to call; `["*"]` for any. A REST API takes one origin (it answers with a fixed header). */
  allowOrigins: string[];
  /** Default: Content-Type, Authorization, X-Amz-Date, X-Amz-Security-Token, X-Api-Key. */
  allowHeaders?: string[];
  /** How long browsers may cache the preflight answer. Default: not sent. */
  maxAgeSeconds?: number;
  /** Default false. */
  allowCredentials?: boolean;
}

export interface SyncEndpointThrottleArgs {
  /** Steady-state requests per second. */
  rateLimit: number;
  /** Burst capacity in requests. */
  burstLimit: number;
}

export interface SyncEndpointAccessLogsArgs {
  /** Default 30 days. */
  retentionInDays?: number;
  /** KMS key ARN for the log group. Default: CloudWatch Logs' own encryption. */
  kmsKeyArn?: pulumi.Input<string>;
  /** Access log format with `$context` variables. Default: one JSON object per request. */
  format?: string;
}

/** What both a bare SyncEndpoint and Workflow's `syncEndpoint` take. */
export interface SyncEndpointOptions {
  /** Default REST (HTTP APIs cannot remap responses: the caller gets StartSyncExecution's raw answer). */
  apiType?: SyncEndpointApiType;
  /** Default "/". Path parameters as `{name}`, a greedy last one as `{name+}`. */
  path?: string;
  /** Default POST. */
  method?: SyncEndpointMethod;
  /** Default IAM: only SigV4-signed requests from principals allowed execute-api:Invoke get in. */
  authorization?: SyncEndpointAuthorization;
  /** COGNITO (REST): the user pools whose ID or access tokens are accepted. */
  cognitoUserPoolArns?: pulumi.Input<string>[];
  /** JWT (HTTP): the token issuer URL and the accepted audiences (client IDs). */
  jwt?: { issuer: pulumi.Input<string>; audience: pulumi.Input<string>[] };
  /** COGNITO or JWT: OAuth scopes a token must carry. Default none. */
  authorizationScopes?: string[];
  /** REST only. Default: body, path parameters and query string. */
  request?: SyncEndpointRequestArgs;
  /** Execution error name -> HTTP status; a key ending in `*` matches names starting with the rest (longest prefix wins). REST only. */
  errorStatusCodes?: Record<string, number>;
  /** Status of a FAILED execution whose error is not mapped. Default 500. REST only. */
  failedStatusCode?: number;
  /** Status of a TIMED_OUT execution. Default 504. REST only. */
  timedOutStatusCode?: number;
  cors?: SyncEndpointCorsArgs;
  throttle?: SyncEndpointThrottleArgs;
  /** true, or settings: an access log group for the stage. Default off. */
  accessLogs?: boolean | SyncEndpointAccessLogsArgs;
  /** X-Ray tracing of the stage (REST only). Default false. */
  tracing?: boolean;
  /** Default "api". */
  stageName?: string;
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export interface SyncEndpointArgs extends SyncEndpointOptions {
  /** The EXPRESS state machine to run (StartSyncExecution rejects STANDARD machines at run time). */
  stateMachineArn: pulumi.Input<string>;
}
