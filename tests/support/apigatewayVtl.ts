/**
 * Renders REST API mapping templates the way API Gateway does, as far as the SyncEndpoint templates
 * need: velocityjs (a JavaScript Velocity engine) plus an emulation of what API Gateway puts in
 * scope, written from AWS's "API Gateway mapping template and access logging variable reference":
 *
 * - `$input.body` (the raw payload), `$input.json(path)` (JSON text of a JSONPath result; `{}` for an
 *   empty payload), `$input.path(path)` (the value itself), `$input.params()` (a map of `path`,
 *   `querystring` and `header` maps) and `$input.params(name)` (path, then query string, then header).
 *   In a response template `$input` reads the integration response while `params()` stays the method
 *   request's, as in API Gateway.
 * - `$util.escapeJavaScript` with the semantics of Apache commons-lang 2 `StringEscapeUtils.escapeJavaScript`
 *   (what AWS documents: `'` becomes `\'`, `/` becomes `\/`, control characters become \b \t \n \f \r or
 *   \u00XX, every non-ASCII UTF-16 unit becomes \uXXXX in upper-case hex), `parseJson`, `urlEncode` /
 *   `urlDecode` (java.net.URLEncoder/URLDecoder, UTF-8), `base64Encode` / `base64Decode` (UTF-8).
 * - `$context`: whatever request fields the test gives (`requestId`, `identity.*`, `authorizer.claims.*`),
 *   and `responseOverride.status` / `responseOverride.header.NAME`, which are final: setting one twice
 *   throws, as API Gateway answers 5XX then.
 * - Java semantics for what the templates call: String `equals`, `equalsIgnoreCase`, `startsWith`, `endsWith`,
 *   `contains`, `indexOf`, `lastIndexOf`, `length()`, `isEmpty`, `trim` (code units <= U+0020 only),
 *   `substring`, `charAt`, `concat`, `toLowerCase`, `toUpperCase`, `replace` (literal, every occurrence),
 *   `replaceAll` / `replaceFirst` / `matches` / `split` (java.util.regex on the common subset JavaScript
 *   shares; `$n` and `\x` in replacements), `toString`; Map `get`, `containsKey`, `keySet`, `size`,
 *   `isEmpty`; Number `toString`, `equals`, `intValue`. Any other method on a string, number or map throws,
 *   so a template cannot lean on a JavaScript-only behaviour by accident.
 *
 * Limits, and how the templates stay clear of them: Java null is `undefined` here, so `$x` renders as
 * its own text and `$!x` as "" (as in Velocity); but velocityjs's #set assigns null where Velocity 1.7
 * keeps the old value, and velocityjs's #if treats "" as false where Velocity 1.7 treats any non-null
 * as true: the templates read every value as `"$!..."` and never test a string by truthiness (the tests
 * check both). JSONPath covers `$`, `.name`, `['name']` and `[index]`. Whitespace around directives
 * differs between the engines; only JSON output is compared, after parsing. Request validation,
 * content-type selection and the integration itself are not emulated.
 */
import { Compile, parse } from "velocityjs";

export interface MethodRequest {
  /** Raw payload of the method request. Default "". */
  body?: string;
  path?: Record<string, string>;
  querystring?: Record<string, string>;
  header?: Record<string, string>;
  /** `$context` fields, e.g. `{ requestId: "r-1", identity: { sourceIp: "192.0.2.1" } }`. */
  context?: Record<string, unknown>;
}

export interface Rendered {
  output: string;
  /** `$context.responseOverride.status`, when the template set it. */
  status?: number;
  headers: Record<string, unknown>;
}

const javaMaps = new WeakSet<object>();

/** A Java Map view of a plain object (LinkedHashMap: keys keep their order). */
function javaMap(entries: Record<string, unknown>): Record<string, unknown> {
  const map = Object.assign(Object.create(null), entries);
  javaMaps.add(map);
  return map;
}

/** JSON values as Jayway JsonPath hands them to Velocity: objects become maps, null becomes Java null. */
function toVelocity(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(toVelocity);
  if (typeof value === "object")
    return javaMap(Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toVelocity(v)])));
  return value;
}

/** The JSONPath subset the templates use: `$`, `.name`, `['name']`, `[index]`. */
function jsonPath(document: unknown, path: string): unknown {
  if (!path.startsWith("$")) throw new Error(`unsupported JSONPath ${path}`);
  const steps = path.slice(1).match(/\.[A-Za-z_][A-Za-z0-9_]*|\['[^']*'\]|\[\d+\]/g) ?? [];
  if (steps.join("") !== path.slice(1)) throw new Error(`unsupported JSONPath ${path}`);
  let value = document;
  for (const step of steps) {
    const key = step.startsWith(".") ? step.slice(1) : step.startsWith("['") ? step.slice(2, -2) : Number(step.slice(1, -1));
    if (value === null || typeof value !== "object" || !(key in (value as object))) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

const hex = (code: number) => code.toString(16).toUpperCase();

/** commons-lang 2 StringEscapeUtils.escapeJavaScript, UTF-16 unit by unit. */
export function escapeJavaScript(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i];
    if (code > 0xfff) out += `\\u${hex(code)}`;
    else if (code > 0xff) out += `\\u0${hex(code)}`;
    else if (code > 0x7f) out += `\\u00${hex(code)}`;
    else if (code < 32) {
      const named: Record<string, string> = { "\b": "\\b", "\n": "\\n", "\t": "\\t", "\f": "\\f", "\r": "\\r" };
      out += named[ch] ?? (code > 0xf ? `\\u00${hex(code)}` : `\\u000${hex(code)}`);
    } else if (ch === "'" || ch === '"' || ch === "\\" || ch === "/") out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** java.net.URLEncoder.encode(text, "UTF-8"): unreserved `A-Za-z0-9.-*_` kept, space as `+`. */
function urlEncode(text: string): string {
  return Array.from(Buffer.from(text, "utf8"))
    .map((byte) => {
      const ch = String.fromCharCode(byte);
      if (/[A-Za-z0-9.\-*_]/.test(ch)) return ch;
      return ch === " " ? "+" : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    })
    .join("");
}

/** java.util.regex pattern as a JavaScript RegExp (the shared subset; no possessive quantifiers). */
function javaRegex(pattern: string, flags = ""): RegExp {
  // A leading (?i) (case-insensitive, Java's embedded flag) is JavaScript's i flag; any other embedded flag is refused.
  const insensitive = pattern.startsWith("(?i)");
  if (insensitive) pattern = pattern.slice(4);
  if (/[*+?}]\+|\\[AZzGQE]|\(\?[imsux-]+[:)]/.test(pattern)) throw new Error(`Java-only regex syntax in ${pattern}`);
  return new RegExp(pattern, insensitive ? `${flags}i` : flags);
}

/** Java replacement strings: `$n` is a group, `\x` is x. */
function javaReplacement(replacement: string): (match: string, ...groups: unknown[]) => string {
  return (match, ...groups) =>
    replacement.replace(/\\(.)|\$(\d)/g, (_, escaped: string | undefined, group: string | undefined) =>
      escaped !== undefined ? escaped : String((group === "0" ? match : groups[Number(group) - 1]) ?? ""),
    );
}

function outOfRange(text: string, begin: number, end: number): boolean {
  return begin < 0 || end > text.length || begin > end;
}

const STRING_METHODS: Record<string, (s: string, ...args: never[]) => unknown> = {
  equals: (s, other: unknown) => typeof other === "string" && s === other,
  equalsIgnoreCase: (s, other: unknown) => typeof other === "string" && s.toLowerCase() === other.toLowerCase(),
  startsWith: (s, prefix: string, offset = 0) => s.startsWith(prefix, offset),
  endsWith: (s, suffix: string) => s.endsWith(suffix),
  contains: (s, part: string) => s.includes(part),
  indexOf: (s, part: string, from = 0) => s.indexOf(part, from),
  lastIndexOf: (s, part: string) => s.lastIndexOf(part),
  length: (s) => s.length,
  isEmpty: (s) => s.length === 0,
  // Java's trim drops code units up to U+0020 (JavaScript's also drops Unicode spaces).
  trim: (s) => {
    let begin = 0;
    let end = s.length;
    while (begin < end && s.charCodeAt(begin) <= 0x20) begin++;
    while (end > begin && s.charCodeAt(end - 1) <= 0x20) end--;
    return s.slice(begin, end);
  },
  substring: (s, begin: number, end: number = s.length) => {
    if (outOfRange(s, begin, end)) throw new Error(`StringIndexOutOfBoundsException: ${begin}, ${end}`);
    return s.slice(begin, end);
  },
  charAt: (s, index: number) => {
    if (outOfRange(s, index, index + 1)) throw new Error(`StringIndexOutOfBoundsException: ${index}`);
    return s[index];
  },
  concat: (s, other: string) => s + other,
  toLowerCase: (s) => s.toLowerCase(),
  toUpperCase: (s) => s.toUpperCase(),
  replace: (s, target: string, replacement: string) => s.split(String(target)).join(String(replacement)),
  replaceAll: (s, regex: string, replacement: string) => s.replace(javaRegex(regex, "g"), javaReplacement(replacement)),
  replaceFirst: (s, regex: string, replacement: string) => s.replace(javaRegex(regex), javaReplacement(replacement)),
  matches: (s, regex: string) => {
    const whole = javaRegex(regex);
    return new RegExp(`^(?:${whole.source})$`, whole.flags).test(s);
  },
  // Java drops trailing empty strings.
  split: (s, regex: string) => {
    const parts = s.split(javaRegex(regex));
    while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
    return parts;
  },
  toString: (s: string) => s,
};

const NUMBER_METHODS: Record<string, (n: number, ...args: never[]) => unknown> = {
  toString: (n: number) => String(n),
  equals: (n, other: unknown) => typeof other === "number" && n === other,
  intValue: (n) => Math.trunc(n),
};

const MAP_METHODS: Record<string, (m: Record<string, unknown>, ...args: never[]) => unknown> = {
  get: (m, key: string) => (Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined),
  containsKey: (m, key: string) => Object.prototype.hasOwnProperty.call(m, key),
  keySet: (m) => Object.keys(m),
  size: (m) => Object.keys(m).length,
  isEmpty: (m) => Object.keys(m).length === 0,
};

type Payload = { property: string; context: unknown; params: unknown[] };

function javaMethods(payload: Payload): unknown {
  const { property, context, params } = payload;
  const table = (typeof context === "string" ? STRING_METHODS : typeof context === "number" ? NUMBER_METHODS : MAP_METHODS) as Record<
    string,
    (self: unknown, ...args: unknown[]) => unknown
  >;
  const method = Object.prototype.hasOwnProperty.call(table, property) ? table[property] : undefined;
  if (!method) throw new Error(`${typeof context === "object" ? "Map" : typeof context}.${property}() is not emulated`);
  return method(context, ...params);
}

const METHOD_HANDLERS = [
  {
    uid: "api-gateway-java",
    match: ({ context }: Payload) =>
      typeof context === "string" ||
      typeof context === "number" ||
      (typeof context === "object" && context !== null && javaMaps.has(context)),
    resolve: javaMethods,
  },
];

/** An object whose properties may be set once, like API Gateway's overrides. */
function finalMap(name: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  return new Proxy(values, {
    set(target, key, value) {
      if (Object.prototype.hasOwnProperty.call(target, key))
        throw new Error(`${name}.${String(key)} overridden twice (API Gateway answers 5XX)`);
      target[key as string] = value;
      return true;
    },
  });
}

function inputFor(payload: string, request: MethodRequest) {
  const params = javaMap({
    path: javaMap({ ...request.path }),
    querystring: javaMap({ ...request.querystring }),
    header: javaMap({ ...request.header }),
  });
  const document = () => (payload.trim() === "" ? {} : JSON.parse(payload));
  return {
    body: payload,
    json: (path: string) => JSON.stringify(jsonPath(document(), path) ?? null),
    path: (path: string) => toVelocity(jsonPath(document(), path)),
    params: (name?: string) => {
      if (name === undefined) return params;
      for (const map of [request.path, request.querystring, request.header]) if (map && name in map) return map[name];
      return undefined;
    },
  };
}

const util = {
  escapeJavaScript,
  parseJson: (text: string) => toVelocity(JSON.parse(text)),
  urlEncode,
  urlDecode: (text: string) => decodeURIComponent(text.replace(/\+/g, " ")),
  base64Encode: (text: string) => Buffer.from(text, "utf8").toString("base64"),
  base64Decode: (text: string) => Buffer.from(text, "base64").toString("utf8"),
};

/**
 * Renders `template` with `$input` reading `payload` (the method request body for a request
 * template, the integration response body for a response template).
 */
export function renderMappingTemplate(template: string, payload: string, request: MethodRequest = {}): Rendered {
  const responseOverride = { header: finalMap("responseOverride.header") } as Record<string, unknown>;
  let status: number | undefined;
  Object.defineProperty(responseOverride, "status", {
    enumerable: true,
    get: () => status,
    set: (value: unknown) => {
      if (status !== undefined) throw new Error("responseOverride.status overridden twice (API Gateway answers 5XX)");
      status = Number(value);
    },
  });
  const context = { ...structuredClone(request.context ?? {}), responseOverride };
  const compiled = new Compile(parse(template), { customMethodHandlers: METHOD_HANDLERS, env: "development" });
  const output = compiled.render({ input: inputFor(payload, request), util, context });
  return { output, status, headers: { ...(responseOverride.header as object) } };
}
