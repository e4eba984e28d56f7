/**
 * SyncEndpoint options checked and resolved before any resource is registered: every problem is
 * collected (errors and warnings), and the defaults are applied in one place.
 */
import { DEFAULT_LOG_RETENTION_DAYS, LOG_RETENTION_DAYS } from "../defaults";
import { Problems, type Problem } from "../errors";
import type { SyncEndpointApiType, SyncEndpointOptions } from "./args";
import { checkAuthorization, checkCors, checkErrorMappings, checkPath, checkRequest, checkStatus, warnHttpLimits } from "./checks";
import type { EndpointSettings } from "./types";

export const SYNC_ENDPOINT_TYPE = "sfn-workflows:index:SyncEndpoint";

/** API Gateway's integration timeouts (REST's default maximum, HTTP's fixed one), in seconds. */
export const INTEGRATION_TIMEOUT_SECONDS: Record<SyncEndpointApiType, number> = { REST: 29, HTTP: 30 };

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** Checks and resolves the options; `prefix` names them as Workflow's `syncEndpoint.` does. */
export function endpointSettings(options: SyncEndpointOptions, prefix = ""): { settings: EndpointSettings; problems: Problem[] } {
  const problems = new Problems();
  const apiType = options.apiType === "HTTP" ? "HTTP" : "REST";
  const method = options.method ?? "POST";
  const path = options.path ?? "/";
  const { segments, parameters } = checkPath(problems, `${prefix}path`, path);
  checkAuthorization(problems, prefix, options, apiType);
  const authorization = options.authorization ?? "IAM";
  const request = checkRequest(problems, prefix, options, authorization);
  const errorMappings = checkErrorMappings(problems, `${prefix}errorStatusCodes`, options.errorStatusCodes);
  checkStatus(problems, `${prefix}failedStatusCode`, options.failedStatusCode);
  checkStatus(problems, `${prefix}timedOutStatusCode`, options.timedOutStatusCode);
  const stageName = options.stageName ?? "api";
  if (typeof stageName !== "string" || !(STAGE_NAME.test(stageName) || (apiType === "HTTP" && stageName === "$default")))
    problems.error(
      "invalid-option",
      `${prefix}stageName`,
      `${JSON.stringify(stageName)} must be 1-128 letters, digits, "-" or "_"${apiType === "HTTP" ? ', or "$default"' : ""}`,
    );
  const cors = checkCors(problems, prefix, options, apiType, method);
  if (options.throttle) {
    if (!(typeof options.throttle.rateLimit === "number" && options.throttle.rateLimit > 0))
      problems.error("invalid-option", `${prefix}throttle.rateLimit`, "must be a number of requests per second above 0");
    problems.range(`${prefix}throttle.burstLimit`, options.throttle.burstLimit, 0, 5000);
  }
  const logs = options.accessLogs === true ? {} : options.accessLogs || undefined;
  if (logs?.retentionInDays !== undefined && !(LOG_RETENTION_DAYS as readonly number[]).includes(logs.retentionInDays))
    problems.error("invalid-option", `${prefix}accessLogs.retentionInDays`, `${logs.retentionInDays} is not a CloudWatch Logs retention`);
  if (apiType === "HTTP") warnHttpLimits(problems, prefix, options);
  return {
    problems: problems.list,
    settings: {
      apiType,
      path,
      segments,
      pathParameters: parameters,
      method,
      authorization,
      request,
      errorMappings,
      failedStatusCode: options.failedStatusCode ?? 500,
      timedOutStatusCode: options.timedOutStatusCode ?? 504,
      stageName,
      cors,
      throttle: options.throttle ? { rateLimit: options.throttle.rateLimit, burstLimit: options.throttle.burstLimit } : undefined,
      accessLogs: logs ? { retentionInDays: logs.retentionInDays ?? DEFAULT_LOG_RETENTION_DAYS, format: logs.format } : undefined,
      tracing: apiType === "REST" && (options.tracing ?? false),
    },
  };
}
