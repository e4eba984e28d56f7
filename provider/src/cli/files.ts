/**
 * The FILE arguments of `check` as a list of files. Globs are expanded here, not by the shell, so
 * that a quoted pattern means the same in bash, PowerShell and cmd.exe.
 */
import { existsSync, globSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { CliError } from "./errors";
import { STDIN } from "./readText";

/** Characters that make an argument a pattern (`*`, `**`, `?`, `[abc]`, `{a,b}`). */
const GLOB_SYNTAX = /[*?[\]{}]/;

const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** The files a pattern names, sorted; directories it matches are left out. */
function expand(pattern: string): string[] {
  const matches = globSync(pattern)
    .filter((match) => !isDirectory(match))
    .sort();
  if (!matches.length) {
    throw new CliError(
      `the pattern "${pattern}" matches no files`,
      `patterns are resolved from ${process.cwd()}; use / between folders and ** for any depth, for example "defs/**/*.asl.json"`,
    );
  }
  return matches;
}

/**
 * Each argument in order: `-` (standard input, which must then be the only one), a path that
 * exists or has no pattern syntax (taken as written, so `a[1].json` works and a missing file is
 * reported as such), or a pattern. A file named twice is checked once, where it first appears.
 */
export function expandFiles(args: readonly string[]): string[] {
  if (args.includes(STDIN)) {
    if (args.length > 1) throw new CliError("- (standard input) cannot be combined with other files", "check standard input on its own");
    return [STDIN];
  }
  const seen = new Set<string>();
  const files: string[] = [];
  for (const arg of args) {
    for (const file of existsSync(arg) || !GLOB_SYNTAX.test(arg) ? [arg] : expand(arg)) {
      const key = resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return files;
}
