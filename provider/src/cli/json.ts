/** The `--json` output: exactly one JSON object (see docs/cli.md for its shape). */
import type { CheckOutcome } from "./check";

export function formatJson(outcome: CheckOutcome): string {
  return `${JSON.stringify(outcome.report, null, 2)}\n`;
}
