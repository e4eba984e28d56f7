/** The `--json` output: exactly one JSON object, the same shape for one file or many (docs/cli.md: a stable contract). */
import { exitCode, isUnreadable, type CheckOutcome, type CheckReport, type FileResult, type Unreadable } from "./check";
import { EXIT_OK } from "./errors";

/** Bumped only by a change that can break a reader: a field removed, renamed or retyped, or a meaning changed. */
const SCHEMA_VERSION = 1;

interface JsonOutput {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Every file was read and has no errors: exit code 0. */
  ok: boolean;
  files: Array<{ file: string } & CheckReport>;
  unreadable: Array<{ file: string; message: string; hint: string | null }>;
}

function jsonOutput(results: readonly FileResult[]): JsonOutput {
  const files = results.filter((result): result is CheckOutcome => !isUnreadable(result)).map(({ file, report }) => ({ file, ...report }));
  const unreadable = results
    .filter(isUnreadable)
    .map(({ file, error }: Unreadable) => ({ file, message: error.message, hint: error.hint ?? null }));
  return { schemaVersion: SCHEMA_VERSION, ok: exitCode(results) === EXIT_OK, files, unreadable };
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(jsonOutput(results), null, 2)}\n`;
}
