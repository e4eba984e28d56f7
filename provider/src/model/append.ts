/**
 * Appends every item to `target`. `target.push(...items)` passes each item as an argument and
 * throws a RangeError past some hundred thousand of them (one diagnostic per state of a large
 * generated definition is enough).
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
