/**
 * A JSON parser for definitions given as text. Unlike JSON.parse it reports keys that appear twice
 * in one object (JSON.parse silently keeps the last; Step Functions refuses the definition), and it
 * can record where each value starts, so diagnostics can name a line and column.
 *
 * The result equals JSON.parse's: the last of duplicate keys wins, `__proto__` is a plain key.
 */

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like editors' columns. */
  column: number;
}

export interface ParsedJson {
  value: unknown;
  /** Keys written twice in one object: the JSON pointer of the second one. */
  duplicates: Array<{ pointer: string; key: string; position: Position }>;
  /** Where each value starts (for object members: where its key starts), by JSON pointer; with `positions` only. */
  positionOf?: (pointer: string) => Position | undefined;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: Position,
  ) {
    super(`${reason} at line ${position.line} column ${position.column}`);
  }
}

/** Thrown past this depth, before the call stack would overflow; callers report it as too deep. */
export class JsonTooDeepError extends Error {}

const escapeSegment = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Line starts of a text, for turning offsets into lines and columns. */
function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}

export function parseJson(text: string, options: { positions?: boolean; maxDepth?: number } = {}): ParsedJson {
  const maxDepth = options.maxDepth ?? 10_000;
  const at = lineIndex(text);
  const offsets = options.positions ? new Map<string, number>() : undefined;
  const duplicates: ParsedJson["duplicates"] = [];
  let index = 0;
  /** Keys and indexes from the root down to the value being parsed. */
  const segments: string[] = [];
  /** Their JSON pointers, kept only when positions are recorded. */
  const pointers: string[] = [""];
  const enter = (segment: string) => {
    segments.push(segment);
    if (offsets) pointers.push(`${pointers[pointers.length - 1]}/${escapeSegment(segment)}`);
  };
  const leave = () => {
    segments.pop();
    if (offsets) pointers.pop();
  };
  const pointer = () => segments.map((segment) => `/${escapeSegment(segment)}`).join("");

  const fail = (reason: string, offset = index): never => {
    throw new JsonSyntaxError(reason, at(offset));
  };
  const skipWhitespace = () => {
    for (let code = text.charCodeAt(index); code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09; code = text.charCodeAt(index))
      index++;
  };
  const unexpected = () => fail(index >= text.length ? "unexpected end of JSON" : `unexpected ${JSON.stringify(text[index])}`);

  const parseString = (): string => {
    const start = index;
    index++; // the opening quote
    let code = text.charCodeAt(index);
    while (code !== 0x22 && code !== 0x5c && code >= 0x20) code = text.charCodeAt(++index);
    if (code === 0x22) return text.slice(start + 1, index++);
    // Escapes or a bad character: find the closing quote, let JSON.parse decode the string.
    while (index < text.length && text[index] !== '"') {
      if (text.charCodeAt(index) < 0x20) fail("control character in string");
      index += text[index] === "\\" ? 2 : 1;
    }
    if (index >= text.length) fail("unterminated string", start);
    index++;
    try {
      return JSON.parse(text.slice(start, index)) as string;
    } catch {
      return fail("bad escape in string", start);
    }
  };

  const parseValue = (depth: number, start?: number): unknown => {
    skipWhitespace();
    offsets?.set(pointers[pointers.length - 1], start ?? index);
    const char = text[index];
    if (char === "{" || char === "[") {
      if (depth >= maxDepth) throw new JsonTooDeepError(`nested more than ${maxDepth} levels deep`);
      return char === "{" ? parseObject(depth + 1) : parseArray(depth + 1);
    }
    if (char === '"') return parseString();
    if (text.startsWith("true", index)) return ((index += 4), true);
    if (text.startsWith("false", index)) return ((index += 5), false);
    if (text.startsWith("null", index)) return ((index += 4), null);
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (number === null) return unexpected();
    index = NUMBER.lastIndex;
    return Number(number[0]);
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    index++;
    skipWhitespace();
    if (text[index] === "}") return (index++, object);
    for (;;) {
      skipWhitespace();
      if (text[index] !== '"') unexpected();
      const keyStart = index;
      const key = parseString();
      enter(key);
      if (Object.prototype.hasOwnProperty.call(object, key)) duplicates.push({ pointer: pointer(), key, position: at(keyStart) });
      skipWhitespace();
      if (text[index] !== ":") unexpected();
      index++;
      const value = parseValue(depth, keyStart);
      leave();
      // `__proto__` is defined as an own property, a key like any other (as with JSON.parse).
      if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
      skipWhitespace();
      if (text[index] === ",") {
        index++;
        continue;
      }
      if (text[index] === "}") return (index++, object);
      unexpected();
    }
  };

  const parseArray = (depth: number): unknown[] => {
    const array: unknown[] = [];
    index++;
    skipWhitespace();
    if (text[index] === "]") return (index++, array);
    for (;;) {
      enter(String(array.length));
      array.push(parseValue(depth));
      leave();
      skipWhitespace();
      if (text[index] === ",") {
        index++;
        continue;
      }
      if (text[index] === "]") return (index++, array);
      unexpected();
    }
  };

  const value = parseValue(0);
  skipWhitespace();
  if (index < text.length) unexpected();
  return {
    value,
    duplicates,
    positionOf: offsets && ((pointer) => (offsets.has(pointer) ? at(offsets.get(pointer) as number) : undefined)),
  };
}
