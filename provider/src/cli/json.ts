/** The `--json` output: exactly one JSON object, the same shape for one file or many (docs/cli.md: a stable contract). */
import { isUnreadable, type CheckOutcome, type CheckReport, type FileResult, type Unreadable } from "./check";

/** Bumped only by a change that can break a reader: a field removed, renamed or retyped, or a meaning changed. */
export const SCHEMA_VERSION = 1;

export interface JsonOutput {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Every file was read and has no errors: exit code 0. */
  ok: boolean;
  files: Array<{ file: string } & CheckReport>;
  unreadable: Array<{ file: string; message: string; hint: string | null }>;
}

export function jsonOutput(results: readonly FileResult[]): JsonOutput {
  const files = results.filter((result): result is CheckOutcome => !isUnreadable(result)).map(({ file, report }) => ({ file, ...report }));
  const unreadable = results
    .filter(isUnreadable)
    .map(({ file, error }: Unreadable) => ({ file, message: error.message, hint: error.hint ?? null }));
  return { schemaVersion: SCHEMA_VERSION, ok: unreadable.length === 0 && files.every((file) => file.ok), files, unreadable };
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(jsonOutput(results), null, 2)}\n`;
}
