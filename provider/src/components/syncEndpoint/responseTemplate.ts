/**
 * The REST integration response template. StartSyncExecution answers HTTP 200 whatever the
 * execution did, so the status comes from its body: SUCCEEDED -> 200 with the execution output as
 * the body; FAILED -> the status mapped from the error name (exact, then longest prefix, then
 * failedStatusCode); TIMED_OUT -> timedOutStatusCode. Failures answer `{"error": ..., "cause": ...}`.
 * A body without `status` is Step Functions refusing the call itself (SERVICE_ERROR_STATUS).
 * The override is set once, at the end: API Gateway answers 5XX when one is set twice. Names are
 * compared with `==` (Velocity compares strings with equals()), which LocalStack's VTL engine also
 * runs; it has no String.equals().
 */
import type { EndpointSettings, ErrorMapping } from "./types";
import { jsonEscaped, literal, PRELUDE } from "./vtl";

/** Step Functions API errors (by `__type` suffix) and what the caller sees; anything else is 502. */
export const SERVICE_ERROR_STATUS: Record<string, number> = { ThrottlingException: 429, InvalidExecutionInput: 400 };
export const SERVICE_ERROR_DEFAULT_STATUS = 502;

function failedStatus(mappings: ErrorMapping[], fallback: number): string[] {
  const lines = mappings.flatMap((mapping, i) => [
    `#${i ? "elseif" : "if"}(${mapping.prefix ? `$error.startsWith(${literal(mapping.match)})` : `$error == ${literal(mapping.match)}`})`,
    `#set($code = ${mapping.status})`,
  ]);
  return mappings.length ? [...lines, `#else`, `#set($code = ${fallback})`, `#end`] : [`#set($code = ${fallback})`];
}

function serviceErrorStatus(): string[] {
  return [
    "## No status: Step Functions refused the call (throttling, input over 256 KiB, a STANDARD machine, ...).",
    `#set($type = "$!input.path('$.__type')")`,
    `#set($error = $type.replaceAll('^.*#', ''))`,
    // Only the caller's own problems say why: other messages could reveal account details.
    `#set($cause = '')`,
    ...Object.entries(SERVICE_ERROR_STATUS).flatMap(([name, status], i) => [
      `#${i ? "elseif" : "if"}($error == ${literal(name)})`,
      `#set($code = ${status})`,
      `#set($cause = "$!input.path('$.message')")`,
    ]),
    `#else`,
    `#set($code = ${SERVICE_ERROR_DEFAULT_STATUS})`,
    `#end`,
  ];
}

const nullable = (variable: string) => `#if(${variable} == '')null#else"${jsonEscaped(variable)}"#end`;

export function responseTemplate(settings: Pick<EndpointSettings, "errorMappings" | "failedStatusCode" | "timedOutStatusCode">): string {
  return [
    "## sfn-workflows SyncEndpoint: the caller's status and body from StartSyncExecution's answer.",
    ...PRELUDE,
    `#set($status = "$!input.path('$.status')")`,
    `#set($error = "$!input.path('$.error')")`,
    `#set($cause = "$!input.path('$.cause')")`,
    `#if($status == 'SUCCEEDED')`,
    `#set($code = 200)`,
    `#elseif($status == 'TIMED_OUT')`,
    `#set($code = ${settings.timedOutStatusCode})`,
    `#if($error == '')`,
    `#set($error = 'States.Timeout')`,
    `#end`,
    `#elseif($status == '')`,
    ...serviceErrorStatus(),
    `#else`,
    ...failedStatus(settings.errorMappings, settings.failedStatusCode),
    `#end`,
    `#set($context.responseOverride.status = $code)`,
    `#if($status == 'SUCCEEDED')`,
    `#set($output = "$!input.path('$.output')")`,
    `#if($output == '')`,
    `null`,
    `#else`,
    `$output`,
    `#end`,
    `#else`,
    `{"error":${nullable("$error")},"cause":${nullable("$cause")}}`,
    `#end`,
    "",
  ].join("\n");
}

/** Every status the response template can set, for method responses. */
export function responseStatuses(settings: Pick<EndpointSettings, "errorMappings" | "failedStatusCode" | "timedOutStatusCode">): number[] {
  const all = [
    200,
    settings.failedStatusCode,
    settings.timedOutStatusCode,
    ...settings.errorMappings.map((m) => m.status),
    ...Object.values(SERVICE_ERROR_STATUS),
    SERVICE_ERROR_DEFAULT_STATUS,
  ];
  return [...new Set(all)].sort((a, b) => a - b);
}
