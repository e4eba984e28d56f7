/**
 * The REST integration request template: StartSyncExecution's body,
 * `{"stateMachineArn": ..., "input": "<the execution input as a JSON string>"}`.
 *
 * The input is built as JSON text in `$inputJson` (each string value escaped once), then escaped once more
 * as a whole into the outer string. The body goes in verbatim: request validation has already
 * rejected anything that is not JSON, and an empty body becomes `{}`. Every read uses `$!`, so a
 * missing value is "" and never null (Velocity 1.7's #set keeps the old value when given null).
 */
import { REQUEST_CONTEXT_FIELDS } from "./args";
import type { RequestParts } from "./types";
import { equalsIgnoringCase, jsonEscaped, jsonKey, literal, PRELUDE } from "./vtl";

/** Headers `headers: true` never copies into the input (they would land in execution logs). */
export const CREDENTIAL_HEADERS = ["Authorization", "X-Api-Key", "X-Amz-Security-Token"];

/**
 * Appends `"key":"value"`, or `"key":null` when the value is empty. `raw` (a VTL string, never
 * null) is tested before escaping: LocalStack's escapeJavaScript turns "" into "{}".
 */
function appendNullable(key: string, raw: string, separator: boolean): string[] {
  const comma = separator ? "," : "";
  return [
    `#set($raw = ${raw})`,
    `#if($raw == '')`,
    `#set($inputJson = "$inputJson${comma}${jsonKey(key)}null")`,
    `#else`,
    `#set($value = ${jsonEscaped("$raw")})`,
    `#set($inputJson = "$inputJson${comma}${jsonKey(key)}$q$value$q")`,
    `#end`,
  ];
}

function pathPart(parameters: string[]): string[] {
  const lines = [`#set($inputJson = "$inputJson,${jsonKey("path")}{")`];
  parameters.forEach((name, i) => {
    lines.push(`#set($value = ${jsonEscaped(`"$!input.params().path.get(${literal(name)})"`)})`);
    lines.push(`#set($inputJson = "$inputJson${i ? "," : ""}${jsonKey(name)}$q$value$q")`);
  });
  return [...lines, `#set($inputJson = "$inputJson}")`];
}

/** Every query string parameter or header, as sent; `skip` names are left out (case-insensitively). */
function mapPart(key: string, map: "querystring" | "header", skip: string[]): string[] {
  const keep = skip.map((name) => `!${equalsIgnoringCase("$name", name)}`).join(" && ");
  return [
    `#set($inputJson = "$inputJson,${jsonKey(key)}{")`,
    `#set($separator = '')`,
    `#foreach($name in $input.params().${map}.keySet())`,
    ...(keep ? [`#if(${keep})`] : []),
    `#set($key = ${jsonEscaped("$name")})`,
    `#set($value = ${jsonEscaped(`"$!input.params().${map}.get($name)"`)})`,
    `#set($inputJson = "$inputJson$separator$q$key$q:$q$value$q")`,
    `#set($separator = ',')`,
    ...(keep ? [`#end`] : []),
    `#end`,
    `#set($inputJson = "$inputJson}")`,
  ];
}

/**
 * Listed headers, matched case-insensitively (clients and HTTP/2 change their case). A header the
 * loop did not find is looked up by name: LocalStack's header map has no keySet() but its get()
 * ignores case; in API Gateway that lookup finds nothing the loop missed.
 */
function listedHeaders(names: string[]): string[] {
  const lines = names.map((_, i) => `#set($header${i} = '')`);
  lines.push(`#foreach($name in $input.params().header.keySet())`);
  names.forEach((name, i) => {
    lines.push(`#${i ? "elseif" : "if"}(${equalsIgnoringCase("$name", name)})`);
    lines.push(`#set($header${i} = "$!input.params().header.get($name)")`);
  });
  if (names.length) lines.push(`#end`);
  lines.push(`#end`);
  names.forEach((name, i) => {
    lines.push(`#if($header${i} == '')`, `#set($header${i} = "$!input.params().header.get(${literal(name)})")`, `#end`);
  });
  lines.push(`#set($inputJson = "$inputJson,${jsonKey("headers")}{")`);
  names.forEach((name, i) => lines.push(...appendNullable(name, `$header${i}`, i > 0)));
  return [...lines, `#set($inputJson = "$inputJson}")`];
}

/** Fixed names read from `$context` (checked identifiers), null when missing or empty. */
function contextPart(key: string, fields: Array<[name: string, reference: string]>): string[] {
  const lines = [`#set($inputJson = "$inputJson,${jsonKey(key)}{")`];
  fields.forEach(([name, reference], i) => {
    lines.push(...appendNullable(name, `"$!context.${reference}"`, i > 0));
  });
  return [...lines, `#set($inputJson = "$inputJson}")`];
}

/** True when the input is the body alone. */
export function bodyOnly(parts: RequestParts): boolean {
  return !parts.pathParameters && !parts.queryString && !parts.headers && !parts.claims.length && !parts.context.length;
}

export function requestTemplate(stateMachineArn: string, parts: RequestParts, pathParameters: string[]): string {
  const lines = [
    "## sfn-workflows SyncEndpoint: StartSyncExecution's request, with the execution input as a JSON string.",
    ...PRELUDE,
    `#set($body = "$!input.body")`,
    `#if($body.trim().isEmpty())`,
    `#set($body = '{}')`,
    `#end`,
  ];
  if (bodyOnly(parts)) {
    lines.push(`#set($inputJson = $body)`);
  } else {
    lines.push(`#set($inputJson = "{${jsonKey("body")}$body")`);
    if (parts.pathParameters) lines.push(...pathPart(pathParameters));
    if (parts.queryString) lines.push(...mapPart("querystring", "querystring", []));
    if (parts.headers === true) lines.push(...mapPart("headers", "header", CREDENTIAL_HEADERS));
    else if (Array.isArray(parts.headers)) lines.push(...listedHeaders(parts.headers));
    if (parts.claims.length)
      lines.push(
        ...contextPart(
          "claims",
          parts.claims.map((c) => [c, `authorizer.claims.${c}`]),
        ),
      );
    if (parts.context.length)
      lines.push(
        ...contextPart(
          "context",
          parts.context.map((f) => [f, REQUEST_CONTEXT_FIELDS[f]]),
        ),
      );
    lines.push(`#set($inputJson = "$inputJson}")`);
  }
  lines.push(`#set($machine = ${literal(stateMachineArn)})`, `{"stateMachineArn":"$machine","input":"${jsonEscaped("$inputJson")}"}`);
  return `${lines.join("\n")}\n`;
}
