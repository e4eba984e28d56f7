/** "Did you mean ...?": the known name closest to a misspelt one. Pure. */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** Case and `_`/`-` do not count: `max_receive_count` is `maxReceiveCount` spelt the Python way. */
const normalized = (name: string) => name.toLowerCase().replace(/[_-]/g, "");

/** The closest known name, when it is close enough to be a likely typo (about a third of the letters). */
export function closest(name: string, known: readonly string[]): string | undefined {
  const target = normalized(name);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(target, normalized(candidate));
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best || best.distance > Math.max(1, Math.floor(target.length / 3))) return undefined;
  return best.name;
}

/** A camelCase name the way it is spelt where `name` came from: snake_case when `name` is. */
export function spelledLike(name: string, camel: string): string {
  return name.includes("_") ? camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) : camel;
}

/** ` Did you mean \`x\`?` or nothing. */
export function didYouMean(name: string, known: readonly string[]): string {
  const match = closest(name, known);
  return match === undefined ? "" : `; did you mean \`${spelledLike(name, match)}\`?`;
}
