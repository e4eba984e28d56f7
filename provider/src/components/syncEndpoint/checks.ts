/** Option checks: each adds its problems and returns the resolved value. */
import { Problems } from "../errors";
import { REQUEST_CONTEXT_FIELDS, type SyncEndpointApiType, type SyncEndpointOptions } from "./args";
import type { ErrorMapping, RequestParts } from "./types";

const STATIC_SEGMENT = /^[A-Za-z0-9._~-]+$/;
const PARAMETER_SEGMENT = /^\{([A-Za-z_][A-Za-z0-9_]*)(\+?)\}$/;
/** Names that end up inside VTL single-quoted literals and references: no quotes, `$` or `#`. */
const HEADER_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const CLAIM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
export const DEFAULT_CORS_HEADERS = ["Content-Type", "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Api-Key"];

export function checkStatus(problems: Problems, option: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 100 || value > 599)
    problems.error("invalid-option", option, `${JSON.stringify(value)} is not an HTTP status code (a whole number from 100 to 599)`);
}

export function checkPath(problems: Problems, option: string, path: unknown): { segments: string[]; parameters: string[] } {
  const result = { segments: [] as string[], parameters: [] as string[] };
  if (typeof path !== "string" || !path.startsWith("/") || (path.length > 1 && path.endsWith("/")) || path.includes("//")) {
    problems.error("invalid-option", option, `${JSON.stringify(path)} must start with "/", with no empty segment or trailing "/"`);
    return result;
  }
  result.segments = path === "/" ? [] : path.slice(1).split("/");
  result.segments.forEach((segment, i) => {
    const parameter = PARAMETER_SEGMENT.exec(segment);
    if (parameter) {
      if (parameter[2] && i !== result.segments.length - 1)
        problems.error("invalid-option", option, `greedy parameter ${segment} must be the last segment`);
      if (result.parameters.includes(parameter[1]))
        problems.error("invalid-option", option, `path parameter ${parameter[1]} appears twice`);
      result.parameters.push(parameter[1]);
    } else if (!STATIC_SEGMENT.test(segment)) {
      problems.error(
        "invalid-option",
        option,
        `segment ${JSON.stringify(segment)} must be letters, digits, ".", "_", "~" and "-", or a parameter {name} / {name+}`,
      );
    }
  });
  return result;
}

export function checkErrorMappings(problems: Problems, option: string, codes: Record<string, number> | undefined): ErrorMapping[] {
  const mappings: ErrorMapping[] = [];
  for (const [key, status] of Object.entries(codes ?? {})) {
    checkStatus(problems, `${option}.${key}`, status);
    const prefix = key.endsWith("*");
    const match = prefix ? key.slice(0, -1) : key;
    // Names go into single-quoted VTL literals, which cannot hold a quote.
    if (match.length === 0 || match.length > 256 || match.includes("*") || match.includes("'") || [...match].some((c) => c < " ")) {
      problems.error(
        "invalid-option",
        `${option}.${key}`,
        "an error name is 1-256 characters without quotes or control characters; only a trailing * (prefix match) is allowed (use failedStatusCode for every other error)",
      );
      continue;
    }
    mappings.push({ match, prefix, status });
  }
  return [...mappings.filter((m) => !m.prefix), ...mappings.filter((m) => m.prefix).sort((a, b) => b.match.length - a.match.length)];
}

export function checkRequest(problems: Problems, prefix: string, options: SyncEndpointOptions, authorization: string): RequestParts {
  const request = options.request ?? {};
  const headers = request.headers ?? false;
  if (Array.isArray(headers)) {
    for (const header of headers)
      if (typeof header !== "string" || !HEADER_NAME.test(header))
        problems.error("invalid-option", `${prefix}request.headers`, `${JSON.stringify(header)} must be 1-128 letters, digits, "-" or "_"`);
  }
  const claims = request.authorizerClaims ?? [];
  for (const claim of claims)
    if (typeof claim !== "string" || !CLAIM_NAME.test(claim))
      problems.error(
        "invalid-option",
        `${prefix}request.authorizerClaims`,
        `${JSON.stringify(claim)} must be a letter or "_" then letters, digits or "_" (API Gateway reads claims as $context.authorizer.claims.NAME)`,
      );
  if (claims.length && authorization !== "COGNITO")
    problems.error("unsupported-option", `${prefix}request.authorizerClaims`, "claims exist only with authorization COGNITO");
  const context = request.context ?? [];
  for (const field of context)
    if (!Object.prototype.hasOwnProperty.call(REQUEST_CONTEXT_FIELDS, field))
      problems.error(
        "invalid-option",
        `${prefix}request.context`,
        `${JSON.stringify(field)} must be one of ${Object.keys(REQUEST_CONTEXT_FIELDS).join(", ")}`,
      );
  return {
    pathParameters: request.pathParameters ?? true,
    queryString: request.queryString ?? true,
    headers,
    claims,
    context: [...new Set(context)],
  };
}

export function checkAuthorization(problems: Problems, prefix: string, options: SyncEndpointOptions, apiType: SyncEndpointApiType): void {
  const authorization = options.authorization ?? "IAM";
  if (authorization === "COGNITO" && !options.cognitoUserPoolArns?.length)
    problems.error("invalid-option", `${prefix}cognitoUserPoolArns`, "COGNITO authorization needs at least one user pool ARN");
  if (authorization === "JWT" && (!options.jwt?.issuer || !options.jwt.audience?.length))
    problems.error("invalid-option", `${prefix}jwt`, "JWT authorization needs an issuer and at least one audience");
  if (apiType === "REST" && authorization === "JWT")
    problems.error(
      "unsupported-option",
      `${prefix}authorization`,
      'JWT authorizers exist on HTTP APIs only; use apiType "HTTP", or COGNITO on a REST API',
    );
  if (apiType === "HTTP" && authorization === "COGNITO")
    problems.error(
      "unsupported-option",
      `${prefix}authorization`,
      "HTTP APIs have no Cognito authorizer; use JWT with issuer https://cognito-idp.REGION.amazonaws.com/POOL_ID and the app client IDs as audience",
    );
  if (apiType === "HTTP" && authorization === "API_KEY")
    problems.error("unsupported-option", `${prefix}authorization`, 'HTTP APIs have no API keys; use apiType "REST"');
  if (options.authorizationScopes?.length && authorization !== "COGNITO" && authorization !== "JWT")
    problems.error("unsupported-option", `${prefix}authorizationScopes`, "scopes apply to COGNITO or JWT authorization only");
}

export function checkCors(problems: Problems, prefix: string, options: SyncEndpointOptions, apiType: SyncEndpointApiType, method: string) {
  const cors = options.cors;
  if (!cors) return undefined;
  if (
    !Array.isArray(cors.allowOrigins) ||
    cors.allowOrigins.length === 0 ||
    cors.allowOrigins.some((o) => !/^(\*|https?:\/\/[^\s'"*]+)$/.test(o))
  )
    problems.error("invalid-option", `${prefix}cors.allowOrigins`, 'list "*" or origins such as "https://app.example.com"');
  else if (apiType === "REST" && cors.allowOrigins.length > 1)
    problems.error(
      "unsupported-option",
      `${prefix}cors.allowOrigins`,
      'a REST API answers with one fixed Access-Control-Allow-Origin: give one origin (or "*"), or use apiType "HTTP"',
    );
  for (const header of cors.allowHeaders ?? [])
    if (!HEADER_NAME.test(header))
      problems.error("invalid-option", `${prefix}cors.allowHeaders`, `${JSON.stringify(header)} is not a header name`);
  problems.range(`${prefix}cors.maxAgeSeconds`, cors.maxAgeSeconds, 0, 86_400);
  if (cors.allowCredentials && cors.allowOrigins?.includes("*"))
    problems.error("invalid-option", `${prefix}cors.allowCredentials`, 'browsers refuse credentials with origin "*": name the origins');
  return {
    allowOrigins: cors.allowOrigins ?? [],
    allowHeaders: cors.allowHeaders ?? DEFAULT_CORS_HEADERS,
    allowMethods: [method, "OPTIONS"],
    maxAgeSeconds: cors.maxAgeSeconds,
    allowCredentials: cors.allowCredentials ?? false,
  };
}

export function warnHttpLimits(problems: Problems, prefix: string, options: SyncEndpointOptions): void {
  const mapped = ["errorStatusCodes", "failedStatusCode", "timedOutStatusCode"].filter(
    (k) => options[k as keyof SyncEndpointOptions] !== undefined,
  );
  if (mapped.length)
    problems.warn(
      "http-api-response-unmapped",
      `${prefix}${mapped[0]}`,
      `an HTTP API cannot remap StartSyncExecution's answer, so ${mapped.join(", ")} cannot be honoured: callers get HTTP 200 with { status, output, error, cause } even when the execution fails; use apiType "REST"`,
    );
  if (options.request)
    problems.warn(
      "http-api-request-unmapped",
      `${prefix}request`,
      "an HTTP API passes the request body alone as the execution input: path parameters, query string, headers and context are not added",
    );
  if (options.tracing)
    problems.warn("http-api-no-tracing", `${prefix}tracing`, "HTTP APIs do not support X-Ray tracing; it is not turned on");
}
