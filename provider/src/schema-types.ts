// *** Generated from schema.json by tools/schema-types/generate.ts (make gen). Do not edit by hand. ***

import type * as pulumi from "@pulumi/pulumi";

/**
 * Type tokens of the package's resources.
 */
export const resourceTokens = {
  CallbackQueue: "sfn-workflows:index:CallbackQueue",
  SyncEndpoint: "sfn-workflows:index:SyncEndpoint",
  Workflow: "sfn-workflows:index:Workflow",
} as const;

/**
 * Settings of one workflow alarm; anything not set here is taken from the workflow's `alarms`.
 */
export interface AlarmOverrideArgs {
  /**
   * Breaching periods that raise the alarm. Default: the workflow's `alarms.datapointsToAlarm`, else all of them.
   */
  datapointsToAlarm?: number;
  /**
   * `false` skips this alarm.
   *
   * @default true
   */
  enabled?: boolean;
  /**
   * Periods evaluated. Default: the workflow's `alarms.evaluationPeriods`, else 1.
   */
  evaluationPeriods?: number;
  /**
   * Evaluation period in seconds. Default: the workflow's `alarms.period`, else 300.
   */
  period?: number;
  /**
   * Count (per period) at or above which the alarm fires.
   *
   * @default 1
   */
  threshold?: number;
  /**
   * Default: the workflow's `alarms.treatMissingData`, else `notBreaching`.
   */
  treatMissingData?: TreatMissingData;
}

/**
 * Which API Gateway flavour fronts the synchronous endpoint.
 */
export type ApiType =
  /**
   * REST API (v1): maps execution errors to HTTP status codes, request validation, IAM, API key and Cognito authorization; 29 s integration timeout.
   */
  | "REST"
  /**
   * HTTP API (v2): cheaper, IAM, JWT or no authorization, 30 s integration timeout; returns StartSyncExecution's raw answer (it cannot remap responses).
   */
  | "HTTP";

/**
 * Who may call the synchronous endpoint.
 */
export type Authorization =
  /**
   * Only requests signed with SigV4 by a principal allowed `execute-api:Invoke` (the default: nobody gets in without credentials).
   */
  | "IAM"
  /**
   * Anyone on the internet (an explicit opt-in).
   */
  | "NONE"
  /**
   * REST only: callers send an API key (`x-api-key`); a usage plan and a key are created.
   */
  | "API_KEY"
  /**
   * REST only: a Cognito user pool authorizer over `cognitoUserPoolArns`.
   */
  | "COGNITO"
  /**
   * HTTP only: a JWT authorizer with the `jwt` issuer and audience.
   */
  | "JWT";

/**
 * The alarms of a callback queue: oldest message age (workers are late) and messages in the dead-letter queue.
 */
export interface CallbackQueueAlarmsArgs {
  /**
   * ARNs notified when an alarm fires (SNS topics, ...). Default: none (in a Workflow: the workflow's `alarms.actions`).
   */
  actions?: pulumi.Input<string>[];
  /**
   * Breaching periods (of `evaluationPeriods`) that raise the alarm. Default: all of them.
   */
  datapointsToAlarm?: number;
  /**
   * Messages in the dead-letter queue at or above which the alarm fires.
   *
   * @default 1
   */
  deadLetterThreshold?: number;
  /**
   * `false` creates neither alarm.
   *
   * @default true
   */
  enabled?: boolean;
  /**
   * Periods evaluated. Default 1 (in a Workflow: the workflow's when set).
   */
  evaluationPeriods?: number;
  /**
   * ARNs notified when an alarm goes to INSUFFICIENT_DATA. Default: none (in a Workflow: the workflow's).
   */
  insufficientDataActions?: pulumi.Input<string>[];
  /**
   * ARNs notified when an alarm returns to OK. Default: none (in a Workflow: the workflow's).
   */
  okActions?: pulumi.Input<string>[];
  /**
   * Age of the oldest message, in seconds, at or above which the late-worker alarm fires. Default: the heartbeat interval of the tasks feeding the queue, else the visibility timeout.
   */
  oldestMessageAgeSeconds?: number;
  /**
   * Evaluation period in seconds. Default 60 (in a Workflow: the workflow's `alarms.period` when set).
   */
  period?: number;
  /**
   * Default `notBreaching` (in a Workflow: the workflow's when set).
   */
  treatMissingData?: TreatMissingData;
}

/**
 * An integration the built-in table does not know: the patterns it supports and the IAM statements it needs.
 */
export interface CustomIntegrationArgs {
  /**
   * Supported integration patterns. Default: request-response only.
   */
  patterns?: IntegrationPattern[];
  /**
   * Statements added to the execution role for every task using the integration.
   */
  statements: CustomIntegrationStatementArgs[];
}

/**
 * An IAM statement a custom integration needs, used as given.
 */
export interface CustomIntegrationStatementArgs {
  /**
   * IAM actions.
   */
  Action: string[];
  /**
   * IAM condition block: `{ Operator: { Key: value or [values] } }`.
   */
  Condition?: Record<string, Record<string, string | string[]>>;
  /**
   * `Allow` or `Deny`.
   */
  Effect: PolicyEffect;
  /**
   * Resource ARNs, known when the program runs.
   */
  Resource: string[];
  /**
   * Statement id. Default: none.
   */
  Sid?: string;
}

/**
 * How an alias shifts traffic to a newly published version.
 */
export type DeploymentType =
  /**
   * All traffic moves at once; the alarms are watched and roll it back.
   */
  | "ALL_AT_ONCE"
  /**
   * `percentage` of traffic first, the rest after `intervalMinutes` if no alarm fired.
   */
  | "CANARY"
  /**
   * `percentage` more traffic every `intervalMinutes` until all of it has moved.
   */
  | "LINEAR";

/**
 * The HTTP method of the synchronous endpoint's route.
 */
export type HttpMethod =
  /**
   * GET (the workflow input is built from the path, query string and headers).
   */
  | "GET"
  /**
   * POST.
   */
  | "POST"
  /**
   * PUT.
   */
  | "PUT"
  /**
   * PATCH.
   */
  | "PATCH"
  /**
   * DELETE.
   */
  | "DELETE";

/**
 * How a Task waits for its integration, chosen by the suffix of its Resource.
 */
export type IntegrationPattern =
  /**
   * No suffix: the task completes when the service answers.
   */
  | "request-response"
  /**
   * `.sync`: the task waits for the job to finish.
   */
  | "sync"
  /**
   * `.sync:2`: like `.sync`, with the output parsed as JSON.
   */
  | "sync:2"
  /**
   * `.waitForTaskToken`: the task waits until a worker sends the task token back.
   */
  | "callback";

/**
 * What the state machine writes to its log group.
 */
export type LogLevel =
  /**
   * Every execution event.
   */
  | "ALL"
  /**
   * Failures only (TaskFailed, TaskTimedOut, ExecutionFailed, ...).
   */
  | "ERROR"
  /**
   * Execution-level failures only.
   */
  | "FATAL"
  /**
   * No logging and no log group.
   */
  | "OFF";

/**
 * The state machine's log group and what it writes there.
 */
export interface LoggingArgs {
  /**
   * Log execution input and output (they may hold personal data).
   *
   * @default false
   */
  includeExecutionData?: boolean;
  /**
   * KMS key ARN for the log group. Default: CloudWatch Logs' own encryption.
   */
  kmsKeyArn?: pulumi.Input<string>;
  /**
   * Default `ALL` for EXPRESS (logs are its only record), `ERROR` for STANDARD. `OFF` creates no log group (for EXPRESS a warning says nothing would record its executions).
   */
  level?: LogLevel;
  /**
   * Log retention, one of CloudWatch Logs' values (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).
   *
   * @default 30
   */
  retentionInDays?: number;
}

/**
 * The effect of an IAM statement.
 */
export type PolicyEffect =
  /**
   * Grants the actions.
   */
  | "Allow"
  /**
   * Denies the actions, whatever else allows them.
   */
  | "Deny";

/**
 * An IAM statement added to the derived execution role.
 */
export interface PolicyStatementArgs {
  /**
   * IAM actions, e.g. `s3:GetObject`.
   */
  Action: string[];
  /**
   * IAM condition block: `{ Operator: { Key: value or [values] } }`.
   */
  Condition?: Record<string, Record<string, string | string[]>>;
  /**
   * `Allow` or `Deny`.
   *
   * @default "Allow"
   */
  Effect?: PolicyEffect;
  /**
   * Resource ARNs; outputs of other resources are accepted.
   */
  Resource: pulumi.Input<string>[];
}

/**
 * A request-context field the REST request template can copy into the workflow input, under `$.context`.
 */
export type RequestContextField =
  /**
   * `$context.requestId`.
   */
  | "requestId"
  /**
   * `$context.requestTime`.
   */
  | "requestTime"
  /**
   * `$context.requestTimeEpoch`.
   */
  | "requestTimeEpoch"
  /**
   * `$context.httpMethod`.
   */
  | "httpMethod"
  /**
   * `$context.path`.
   */
  | "path"
  /**
   * `$context.resourcePath`.
   */
  | "resourcePath"
  /**
   * `$context.stage`.
   */
  | "stage"
  /**
   * `$context.apiId`.
   */
  | "apiId"
  /**
   * `$context.domainName`.
   */
  | "domainName"
  /**
   * `$context.identity.sourceIp`.
   */
  | "sourceIp"
  /**
   * `$context.identity.userAgent`.
   */
  | "userAgent"
  /**
   * `$context.identity.userArn`.
   */
  | "userArn"
  /**
   * `$context.identity.caller`.
   */
  | "caller"
  /**
   * `$context.identity.accountId`.
   */
  | "accountId"
  /**
   * `$context.identity.apiKeyId`.
   */
  | "apiKeyId"
  /**
   * `$context.identity.principalOrgId`.
   */
  | "principalOrgId"
  /**
   * `$context.identity.cognitoIdentityId`.
   */
  | "cognitoIdentityId"
  /**
   * `$context.xrayTraceId`.
   */
  | "xrayTraceId";

/**
 * Access logging of the stage to a log group created for it.
 */
export interface SyncEndpointAccessLogsArgs {
  /**
   * Access log format with `$context` variables. Default: one JSON object per request.
   */
  format?: string;
  /**
   * KMS key ARN for the log group. Default: CloudWatch Logs' own encryption.
   */
  kmsKeyArn?: pulumi.Input<string>;
  /**
   * Log retention, one of CloudWatch Logs' values.
   *
   * @default 30
   */
  retentionInDays?: number;
}

/**
 * CORS settings of the endpoint.
 */
export interface SyncEndpointCorsArgs {
  /**
   * Allow credentials (cookies, authorization headers).
   *
   * @default false
   */
  allowCredentials?: boolean;
  /**
   * Allowed request headers. Default: Content-Type, Authorization, X-Amz-Date, X-Amz-Security-Token, X-Api-Key.
   */
  allowHeaders?: string[];
  /**
   * Origins allowed to call; `["*"]` for any. A REST API takes one origin (it answers with a fixed header).
   */
  allowOrigins: string[];
  /**
   * How long browsers may cache the preflight answer. Default: not sent.
   */
  maxAgeSeconds?: number;
}

/**
 * The JWT authorizer of an HTTP API endpoint.
 */
export interface SyncEndpointJwtArgs {
  /**
   * Accepted audiences (client IDs).
   */
  audience: pulumi.Input<string>[];
  /**
   * The token issuer URL, e.g. `https://cognito-idp.REGION.amazonaws.com/POOL_ID`.
   */
  issuer: pulumi.Input<string>;
}

/**
 * REST only: which parts of the HTTP request reach the workflow input. With every part off, the input is the body itself; otherwise `{ body, path?, querystring?, headers?, claims?, context? }`.
 */
export interface SyncEndpointRequestArgs {
  /**
   * Cognito claims of the caller (authorization COGNITO), under `$.claims`, by name, e.g. `["sub", "email"]`. Default: none.
   */
  authorizerClaims?: string[];
  /**
   * Request-context fields, under `$.context`. Default: none.
   */
  context?: RequestContextField[];
  /**
   * Headers, under `$.headers`: `true` for all but credentials (Authorization, X-Api-Key, X-Amz-Security-Token), or the names to pass. Default `false`.
   */
  headers?: boolean | string[];
  /**
   * Path parameters, under `$.path`.
   *
   * @default true
   */
  pathParameters?: boolean;
  /**
   * Query string parameters, under `$.querystring` (the last value of a repeated name).
   *
   * @default true
   */
  queryString?: boolean;
}

/**
 * Request throttling of the stage.
 */
export interface SyncEndpointThrottleArgs {
  /**
   * Burst capacity in requests.
   */
  burstLimit: number;
  /**
   * Steady-state requests per second.
   */
  rateLimit: number;
}

/**
 * How a CloudWatch alarm treats periods without data points.
 */
export type TreatMissingData =
  /**
   * Keep the current state over missing periods.
   */
  | "missing"
  /**
   * Ignore missing periods.
   */
  | "ignore"
  /**
   * A missing period counts as breaching.
   */
  | "breaching"
  /**
   * A missing period counts as fine (no executions is not a failure).
   */
  | "notBreaching";

/**
 * The workflow's alarms: failed and timed-out executions, and task heartbeat timeouts read from its logs. Actions and shared settings also apply to the alarms of its callback queues, unless a callback overrides them.
 */
export interface WorkflowAlarmsArgs {
  /**
   * ARNs notified when an alarm fires (SNS topics, ...). Default: none.
   */
  actions?: pulumi.Input<string>[];
  /**
   * Breaching periods (of `evaluationPeriods`) that raise the alarm. Default: all of them.
   */
  datapointsToAlarm?: number;
  /**
   * `false` creates no alarm at all, callback queue alarms included.
   *
   * @default true
   */
  enabled?: boolean;
  /**
   * Periods evaluated. Default 1.
   */
  evaluationPeriods?: number;
  /**
   * The alarm on the state machine's `ExecutionsFailed` metric. Default: on, threshold 1.
   */
  executionsFailed?: AlarmOverrideArgs;
  /**
   * The alarm on the state machine's `ExecutionsTimedOut` metric. Default: on, threshold 1.
   */
  executionsTimedOut?: AlarmOverrideArgs;
  /**
   * Task timeouts (heartbeat or `TimeoutSeconds`) of callback and activity tasks, counted from `TaskTimedOut` log events (needs logging at ERROR or ALL). Default: on when the workflow has such tasks, threshold 1.
   */
  heartbeatTimeouts?: AlarmOverrideArgs;
  /**
   * ARNs notified when an alarm goes to INSUFFICIENT_DATA. Default: none.
   */
  insufficientDataActions?: pulumi.Input<string>[];
  /**
   * ARNs notified when an alarm returns to OK. Default: none.
   */
  okActions?: pulumi.Input<string>[];
  /**
   * Evaluation period in seconds. Default 300 for the workflow's alarms (callback queue alarms use 60 unless this is set).
   */
  period?: number;
  /**
   * How periods without data are treated. Default `notBreaching`: no executions is not a failure.
   */
  treatMissingData?: TreatMissingData;
}

/**
 * A callback queue of a Workflow. Its sizing (visibility timeout, retention, late-worker alarm) is derived from the tasks that reference it; set a value here to override.
 */
export interface WorkflowCallbackArgs {
  /**
   * Overrides for this queue's alarms; unset settings come from the workflow's `alarms`.
   */
  alarms?: CallbackQueueAlarmsArgs;
  /**
   * Customer managed KMS key ARN for both queues; the execution role gets `kms:GenerateDataKey*`/`kms:Decrypt` and workers `kms:Decrypt`. Default: SQS-managed server-side encryption (SSE-SQS).
   */
  kmsKeyArn?: pulumi.Input<string>;
  /**
   * Receives before a message moves to the dead-letter queue (1-1000).
   *
   * @default 5
   */
  maxReceiveCount?: number;
  /**
   * Default: the longest task `TimeoutSeconds` plus a day, at least 4 days, at most 14 days (14 days when a task has no timeout).
   */
  messageRetentionSeconds?: number;
  /**
   * Default: the largest `HeartbeatSeconds` of the tasks using the queue, at least 30 (at most 43200).
   */
  visibilityTimeoutSeconds?: number;
}

/**
 * The queues behind one callback of a Workflow.
 */
export interface WorkflowCallbackQueue {
  /**
   * ARN of its dead-letter queue.
   */
  readonly deadLetterQueueArn: string;
  /**
   * URL of its dead-letter queue.
   */
  readonly deadLetterQueueUrl: string;
  /**
   * ARN of the callback queue.
   */
  readonly queueArn: string;
  /**
   * URL of the callback queue (workers receive task tokens from it).
   */
  readonly queueUrl: string;
}

/**
 * Safe rollout: every definition change publishes a state machine version, and an alias shifts traffic to it, rolled back when an alarm fires.
 */
export interface WorkflowDeploymentArgs {
  /**
   * Names (not ARNs: CloudWatch takes an unknown name as OK, so an ARN would never roll back) of the CloudWatch alarms that roll the deployment back, at most 100. Default: the workflow's own failed, timed-out and heartbeat-timeout alarms.
   */
  alarms?: pulumi.Input<string>[];
  /**
   * Name of the alias executions start through.
   *
   * @default "live"
   */
  aliasName?: string;
  /**
   * CANARY and LINEAR: minutes (1-2100) between steps. Default 5.
   */
  intervalMinutes?: number;
  /**
   * CANARY and LINEAR: the share of traffic (1-99) moved per step. Default 10.
   */
  percentage?: number;
  /**
   * `ALL_AT_ONCE`, `CANARY` or `LINEAR`.
   */
  type: DeploymentType;
}

/**
 * An API Gateway endpoint that runs this (EXPRESS) workflow synchronously: the inputs of `SyncEndpoint` without `stateMachineArn`.
 */
export interface WorkflowSyncEndpointArgs {
  /**
   * `true`, or settings: an access log group for the stage. Default: off.
   */
  accessLogs?: boolean | SyncEndpointAccessLogsArgs;
  /**
   * `REST` or `HTTP`. An HTTP API cannot remap responses: the caller gets StartSyncExecution's raw answer.
   *
   * @default "REST"
   */
  apiType?: ApiType;
  /**
   * Who may call the endpoint. The default, IAM, lets in only SigV4-signed requests from principals allowed `execute-api:Invoke`.
   *
   * @default "IAM"
   */
  authorization?: Authorization;
  /**
   * With COGNITO or JWT: OAuth scopes a token must carry. Default: none.
   */
  authorizationScopes?: string[];
  /**
   * With `authorization: COGNITO` (REST): the user pools whose ID or access tokens are accepted.
   */
  cognitoUserPoolArns?: pulumi.Input<string>[];
  /**
   * CORS settings. Default: none (no CORS headers, no preflight route).
   */
  cors?: SyncEndpointCorsArgs;
  /**
   * REST only: execution error name to HTTP status (100-599); a key ending in `*` matches names starting with the rest (the longest prefix wins). Default: none.
   */
  errorStatusCodes?: Record<string, number>;
  /**
   * REST only: status of a FAILED execution whose error `errorStatusCodes` does not map.
   *
   * @default 500
   */
  failedStatusCode?: number;
  /**
   * With `authorization: JWT` (HTTP): the token issuer and the accepted audiences.
   */
  jwt?: SyncEndpointJwtArgs;
  /**
   * The HTTP method of the route.
   *
   * @default "POST"
   */
  method?: HttpMethod;
  /**
   * The route path. Path parameters as `{name}`, a greedy last one as `{name+}`, e.g. `/quotes/{sku}`.
   *
   * @default "/"
   */
  path?: string;
  /**
   * REST only: which parts of the HTTP request reach the workflow input. Default: body, path parameters and query string.
   */
  request?: SyncEndpointRequestArgs;
  /**
   * The stage name, part of the URL.
   *
   * @default "api"
   */
  stageName?: string;
  /**
   * Tags for every taggable child resource (in a Workflow: default the workflow's `tags`).
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Stage throttling. Default: the account's limits.
   */
  throttle?: SyncEndpointThrottleArgs;
  /**
   * REST only: status of a TIMED_OUT execution.
   *
   * @default 504
   */
  timedOutStatusCode?: number;
  /**
   * REST only: X-Ray tracing of the stage.
   *
   * @default false
   */
  tracing?: boolean;
}

/**
 * The kind of state machine.
 */
export type WorkflowType =
  /**
   * Exactly-once, up to one year, full execution history; supports every integration pattern.
   */
  | "STANDARD"
  /**
   * At-least-once, up to five minutes, no execution history (logs are its only record); request-response integrations only.
   */
  | "EXPRESS";

/**
 * The arguments of CallbackQueue (`sfn-workflows:index:CallbackQueue`).
 */
export interface CallbackQueueArgs {
  /**
   * The queue's alarms. Default: both on, no actions.
   */
  alarms?: CallbackQueueAlarmsArgs;
  /**
   * Heartbeat interval of the tasks feeding the queue (a Workflow fills it in from the definition). Sizes the visibility timeout and the late-worker alarm.
   */
  heartbeatSeconds?: number;
  /**
   * Customer managed KMS key ARN for both queues. Default: SQS-managed server-side encryption (SSE-SQS).
   */
  kmsKeyArn?: pulumi.Input<string>;
  /**
   * Receives before a message moves to the dead-letter queue (1-1000).
   *
   * @default 5
   */
  maxReceiveCount?: number;
  /**
   * Default: `taskTimeoutSeconds` plus a day, at least 4 days, at most 14 days (14 days when the timeout is not given).
   */
  messageRetentionSeconds?: number;
  /**
   * Only these roles may send messages; anyone else is denied `sqs:SendMessage` (a Workflow passes its execution role). Default: no sender restriction.
   */
  senderRoleArns?: pulumi.Input<string>[];
  /**
   * Tags for the queues and alarms.
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Longest `TimeoutSeconds` of the tasks feeding the queue (a Workflow fills it in). Sizes the retention.
   */
  taskTimeoutSeconds?: number;
  /**
   * Default: `heartbeatSeconds`, at least 30 (at most 43200); 30 when that is not given.
   */
  visibilityTimeoutSeconds?: number;
}

/**
 * A callback queue for `.waitForTaskToken` tasks: an encrypted SQS queue with a dead-letter queue, TLS-only policies that let only the named senders in, and alarms for late workers and dead letters. A Workflow creates one per callback; it is also usable alone.
 *
 * The output properties of `sfn-workflows:index:CallbackQueue`: the component class implements this interface.
 */
export interface CallbackQueueOutputs {
  /**
   * Alarm ARNs by name: `oldestMessageAge` and `deadLetters`, when alarms are on.
   */
  readonly alarmArns: pulumi.Output<Record<string, string>>;
  /**
   * ARN of the dead-letter queue.
   */
  readonly deadLetterQueueArn: pulumi.Output<string>;
  /**
   * URL of the dead-letter queue.
   */
  readonly deadLetterQueueUrl: pulumi.Output<string>;
  /**
   * ARN of the queue.
   */
  readonly queueArn: pulumi.Output<string>;
  /**
   * Name of the queue.
   */
  readonly queueName: pulumi.Output<string>;
  /**
   * URL of the queue.
   */
  readonly queueUrl: pulumi.Output<string>;
}

/**
 * The arguments of SyncEndpoint (`sfn-workflows:index:SyncEndpoint`).
 */
export interface SyncEndpointArgs {
  /**
   * `true`, or settings: an access log group for the stage. Default: off.
   */
  accessLogs?: boolean | SyncEndpointAccessLogsArgs;
  /**
   * `REST` or `HTTP`. An HTTP API cannot remap responses: the caller gets StartSyncExecution's raw answer.
   *
   * @default "REST"
   */
  apiType?: ApiType;
  /**
   * Who may call the endpoint. The default, IAM, lets in only SigV4-signed requests from principals allowed `execute-api:Invoke`.
   *
   * @default "IAM"
   */
  authorization?: Authorization;
  /**
   * With COGNITO or JWT: OAuth scopes a token must carry. Default: none.
   */
  authorizationScopes?: string[];
  /**
   * With `authorization: COGNITO` (REST): the user pools whose ID or access tokens are accepted.
   */
  cognitoUserPoolArns?: pulumi.Input<string>[];
  /**
   * CORS settings. Default: none (no CORS headers, no preflight route).
   */
  cors?: SyncEndpointCorsArgs;
  /**
   * REST only: execution error name to HTTP status (100-599); a key ending in `*` matches names starting with the rest (the longest prefix wins). Default: none.
   */
  errorStatusCodes?: Record<string, number>;
  /**
   * REST only: status of a FAILED execution whose error `errorStatusCodes` does not map.
   *
   * @default 500
   */
  failedStatusCode?: number;
  /**
   * With `authorization: JWT` (HTTP): the token issuer and the accepted audiences.
   */
  jwt?: SyncEndpointJwtArgs;
  /**
   * The HTTP method of the route.
   *
   * @default "POST"
   */
  method?: HttpMethod;
  /**
   * The route path. Path parameters as `{name}`, a greedy last one as `{name+}`, e.g. `/quotes/{sku}`.
   *
   * @default "/"
   */
  path?: string;
  /**
   * REST only: which parts of the HTTP request reach the workflow input. Default: body, path parameters and query string.
   */
  request?: SyncEndpointRequestArgs;
  /**
   * The stage name, part of the URL.
   *
   * @default "api"
   */
  stageName?: string;
  /**
   * ARN of the EXPRESS state machine to run (StartSyncExecution rejects STANDARD machines at run time; a literal ARN cannot be checked at preview).
   */
  stateMachineArn: pulumi.Input<string>;
  /**
   * Tags for every taggable child resource (in a Workflow: default the workflow's `tags`).
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Stage throttling. Default: the account's limits.
   */
  throttle?: SyncEndpointThrottleArgs;
  /**
   * REST only: status of a TIMED_OUT execution.
   *
   * @default 504
   */
  timedOutStatusCode?: number;
  /**
   * REST only: X-Ray tracing of the stage.
   *
   * @default false
   */
  tracing?: boolean;
}

/**
 * An API Gateway endpoint that runs an EXPRESS state machine synchronously (StartSyncExecution) and answers with its output, mapping execution errors to HTTP status codes. A Workflow creates one with its `syncEndpoint` input; it is also usable alone in front of any EXPRESS state machine (with a literal ARN nothing about the machine can be checked).
 *
 * The output properties of `sfn-workflows:index:SyncEndpoint`: the component class implements this interface.
 */
export interface SyncEndpointOutputs {
  /**
   * Id of the REST or HTTP API.
   */
  readonly apiId: pulumi.Output<string>;
  /**
   * Id of the API key (authorization `API_KEY`); absent otherwise.
   */
  readonly apiKeyId: pulumi.Output<string | undefined>;
  /**
   * The role API Gateway uses to call `states:StartSyncExecution` on exactly this state machine.
   */
  readonly roleArn: pulumi.Output<string>;
  /**
   * Name of the stage.
   */
  readonly stageName: pulumi.Output<string>;
  /**
   * The full invoke URL of the route.
   */
  readonly url: pulumi.Output<string>;
}

/**
 * The arguments of Workflow (`sfn-workflows:index:Workflow`).
 */
export interface WorkflowArgs {
  /**
   * Alarms of the workflow and its callback queues. Default: all on, no actions.
   */
  alarms?: WorkflowAlarmsArgs;
  /**
   * One callback queue (a `CallbackQueue` child) per entry; reference it in the definition as `${callbacks.NAME.queueUrl}` or `${callbacks.NAME.queueArn}`.
   */
  callbacks?: Record<string, WorkflowCallbackArgs>;
  /**
   * Integrations the built-in table does not know, keyed `service:action`; their statements are used as given.
   */
  customIntegrations?: Record<string, CustomIntegrationArgs>;
  /**
   * The ASL document, as an object (a dict, map or JSON object of your language) or as a JSON string, known when the program runs: every check happens at preview. Dynamic values go in through `${Key}` placeholders filled from `definitionSubstitutions` and `callbacks`.
   */
  definition: string | Record<string, unknown>;
  /**
   * `${Key}` in any string of the definition is replaced by the value (outputs of other resources are accepted). An unknown placeholder is an error.
   */
  definitionSubstitutions?: Record<string, pulumi.Input<string>>;
  /**
   * Publish a version per definition change and shift traffic to it through an alias with an all-at-once, canary or linear deployment, rolled back by alarms. Everything that starts executions (the sync endpoint, the `aliasArn` output) then uses the alias. Default: none (executions run the latest definition).
   */
  deployment?: WorkflowDeploymentArgs;
  /**
   * Logging of the state machine. Default: a log group with 30 days' retention, level `ALL` for EXPRESS and `ERROR` for STANDARD.
   */
  logging?: LoggingArgs;
  /**
   * Extra IAM statements for the derived execution role.
   */
  policyStatements?: PolicyStatementArgs[];
  /**
   * Bring your own execution role: none is derived, and a warning lists the permissions the definition needs. Default: a role derived from the definition.
   */
  roleArn?: pulumi.Input<string>;
  /**
   * 1-80 ASCII letters, digits, `-` and `_`. Default: the component name with a unique suffix.
   */
  stateMachineName?: string;
  /**
   * An API Gateway endpoint that runs the workflow synchronously (a `SyncEndpoint` child). EXPRESS workflows only. Default: none.
   */
  syncEndpoint?: WorkflowSyncEndpointArgs;
  /**
   * Tags for every taggable child resource.
   */
  tags?: Record<string, pulumi.Input<string>>;
  /**
   * X-Ray tracing (adds the X-Ray actions to the role).
   *
   * @default false
   */
  tracing?: boolean;
  /**
   * `STANDARD` or `EXPRESS`. EXPRESS supports request-response integrations only.
   *
   * @default "STANDARD"
   */
  workflowType?: WorkflowType;
}

/**
 * A Step Functions state machine from one Amazon States Language definition, with what it needs: callback queues with dead-letter queues, a least-privilege execution role derived from the definition, a log group, heartbeat and failure alarms, a policy for the workers that complete callbacks and, optionally, a synchronous HTTP endpoint. Every check runs before the first resource is registered, so `pulumi preview` reports definition errors.
 *
 * The output properties of `sfn-workflows:index:Workflow`: the component class implements this interface.
 */
export interface WorkflowOutputs {
  /**
   * Alarm ARNs by name: `executionsFailed`, `executionsTimedOut`, `heartbeatTimeouts`, `NAME.oldestMessageAge`, `NAME.deadLetters` (those that exist).
   */
  readonly alarmArns: pulumi.Output<Record<string, string>>;
  /**
   * ARN of the alias executions should start through; absent without `deployment`. Export it beside `stateMachineArn` for stack references.
   */
  readonly aliasArn: pulumi.Output<string | undefined>;
  /**
   * The callback queues by callback name.
   */
  readonly callbackQueues: pulumi.Output<Record<string, WorkflowCallbackQueue>>;
  /**
   * The workflow as a Mermaid flowchart: states and transitions, each task's pattern, the callback queues, the alarms and each state's IAM actions. Known at preview; paste it into Markdown to see it.
   */
  readonly diagram: pulumi.Output<string>;
  /**
   * The full invoke URL of the synchronous endpoint's route; absent without `syncEndpoint`.
   */
  readonly endpointUrl: pulumi.Output<string | undefined>;
  /**
   * The log group, `/aws/vendedlogs/states/...`; absent when logging is `OFF`.
   */
  readonly logGroupName: pulumi.Output<string | undefined>;
  /**
   * The execution role (derived, or the one given).
   */
  readonly roleArn: pulumi.Output<string>;
  /**
   * ARN of the state machine.
   */
  readonly stateMachineArn: pulumi.Output<string>;
  /**
   * Name of the state machine.
   */
  readonly stateMachineName: pulumi.Output<string>;
  /**
   * Managed policy for callback workers (receive from the queues, send task success, failure and heartbeats); absent without callback or activity tasks.
   */
  readonly workerPolicyArn: pulumi.Output<string | undefined>;
}
