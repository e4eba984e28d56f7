/**
 * Building blocks of the REST mapping templates. API Gateway runs Velocity 1.7, whose string
 * literals have no escape sequences: a double quote inside JSON built in a double-quoted VTL string
 * comes from `$q`, and only single-quoted literals (no interpolation) carry constant text.
 */

/** Variables every template starts with. */
export const PRELUDE = [
  `#set($q = '"')`,
  // $util.escapeJavaScript turns ' into \', which JSON rejects: the regex \\' finds it, and ' replaces it.
  `#set($escapedQuote = "\\\\'")`,
  `#set($quote = "'")`,
];

/** A VTL expression escaping `expression` (a string) for use inside a JSON string. */
export function jsonEscaped(expression: string): string {
  return `$util.escapeJavaScript(${expression}).replaceAll($escapedQuote, $quote)`;
}

/** A single-quoted VTL literal; callers only pass checked names, which never hold a quote. */
export function literal(text: string): string {
  if (text.includes("'")) throw new Error(`cannot put ${JSON.stringify(text)} in a VTL literal`);
  return `'${text}'`;
}

/** `"key":` as VTL text inside a double-quoted string (keys are checked names: no `$`, `#`, quotes). */
export function jsonKey(key: string): string {
  if (/["'$#\\]/.test(key)) throw new Error(`cannot use ${JSON.stringify(key)} as a template key`);
  return `\${q}${key}\${q}:`;
}

/**
 * A VTL condition: `reference` equals `name` ignoring case. `matches` with `(?i)` is a full,
 * case-insensitive match in API Gateway's Velocity (Java) and in LocalStack's (Python `re`), whose
 * strings have no `equalsIgnoreCase`. Names are checked header names: letters, digits, `-`, `_`.
 */
export function equalsIgnoringCase(reference: string, name: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`cannot match ${JSON.stringify(name)} as a header name`);
  return `${reference}.matches(${literal(`(?i)${name}`)})`;
}
