/**
 * `record[key]` when the key is the record's own. Keys that come from users (a definition, an
 * `aws-sdk:SERVICE`, a resource token) may be `constructor` or `__proto__`: they must never reach
 * Object.prototype.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
