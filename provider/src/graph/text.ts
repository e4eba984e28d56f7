/** Text as every renderer needs it first: one line, no control characters, no lone surrogates. */

// Control characters break lines or are not allowed in XML at all; lone surrogates are not characters.
// eslint-disable-next-line no-control-regex -- matching them is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => (/\s/.test(c) ? " " : "\ufffd"));
}
