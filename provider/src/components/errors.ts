/** The one error a component throws for bad input: every problem, each with its rule and state. */
import type { Diagnostic } from "../model/types";

export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `[${diagnostic.rule}] ${diagnostic.state ?? "(definition)"}: ${diagnostic.message}`;
}

export class InputError extends Error {
  constructor(
    readonly resourceType: string,
    readonly resourceName: string,
    readonly problems: readonly Diagnostic[],
    /** False for problems only substituted values reveal, found after children were registered. */
    nothingCreated = true,
  ) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const consequence = nothingCreated ? "nothing was created" : "found once the substituted values were known; fix it and run again";
    super(
      `${resourceType} "${resourceName}" has ${count}; ${consequence}:\n${problems.map((p) => `  - ${formatDiagnostic(p)}`).join("\n")}`,
    );
    this.name = "InputError";
  }
}

/** Collects option problems as diagnostics with a rule id and the option's path. */
export class Problems {
  readonly list: Diagnostic[] = [];

  error(rule: string, option: string, message: string): void {
    this.list.push({ severity: "error", rule, state: null, message: `${option}: ${message}` });
  }

  warn(rule: string, option: string, message: string): void {
    this.list.push({ severity: "warning", rule, state: null, message: `${option}: ${message}` });
  }

  /** Checks an optional whole number lies in [min, max]. */
  range(option: string, value: number | undefined, min: number, max: number): void {
    if (value === undefined) return;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.error("invalid-option", option, `${JSON.stringify(value)} must be a whole number from ${min} to ${max}`);
    }
  }

  oneOf<T extends string>(option: string, value: T | undefined, allowed: readonly T[]): void {
    if (value !== undefined && !allowed.includes(value)) {
      this.error("invalid-option", option, `${JSON.stringify(value)} must be one of ${allowed.join(", ")}`);
    }
  }
}
