/**
 * How problems reach the user: one error per resource listing every problem, each with its rule
 * id, its place (an input property path such as `callbacks.reviewers.maxReceiveCount`, or a state
 * path in the definition) and what to do. The error is a `pulumi.RunError`, which the Node.js
 * runtime prints as its message alone: no stack trace, no inspected object, no colour codes. The
 * plugin turns it into the engine's input-property errors (plugin/provider.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import type { Diagnostic } from "../model/types";

/** A diagnostic of an input: `input` is its property path; analysis diagnostics have a state instead. */
export interface Problem extends Diagnostic {
  input?: string;
}

/** Where a problem is: the input property path, or the definition's state path. */
export function placeOf(problem: Problem): string {
  if (problem.input !== undefined) return problem.input;
  return problem.state === null ? "definition (document)" : `definition > ${problem.state}`;
}

export function formatDiagnostic(problem: Problem): string {
  return `[${problem.rule}] ${placeOf(problem)}: ${problem.message}`;
}

/** `Error.message` as written here, also when the runtime that reports it tries to prefix it. */
function keepMessage(error: Error, message: string): void {
  // @pulumi/pulumi prefixes errors that reject a resource input with `error serializing property
  // "X":`, naming its serializer instead of the input the message already names.
  Object.defineProperty(error, "message", { get: () => message, set: () => undefined, enumerable: false, configurable: true });
}

export class InputError extends pulumi.RunError {
  /** The first line: which resource, how many problems, what happened. */
  readonly summary: string;

  constructor(
    readonly resourceType: string,
    readonly resourceName: string,
    readonly problems: readonly Problem[],
    /** False for problems found in values known only during the deployment, after children were registered. */
    readonly nothingCreated = true,
  ) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const consequence = nothingCreated ? "nothing was created" : "found once its values were known; fix it and run again";
    const summary = `${count}; ${consequence}`;
    const message = `${resourceType} "${resourceName}" has ${summary}:\n${problems.map((p) => `  - ${formatDiagnostic(p)}`).join("\n")}`;
    super(message);
    keepMessage(this, message);
    this.summary = summary;
    this.name = "InputError";
  }
}

/** Collects input problems as diagnostics with a rule id and the input's path. */
export class Problems {
  readonly list: Problem[] = [];

  error(rule: string, input: string, message: string): void {
    this.list.push({ severity: "error", rule, state: null, input, message });
  }

  warn(rule: string, input: string, message: string): void {
    this.list.push({ severity: "warning", rule, state: null, input, message });
  }

  get errors(): Problem[] {
    return this.list.filter((p) => p.severity === "error");
  }

  get warnings(): Problem[] {
    return this.list.filter((p) => p.severity === "warning");
  }

  /** Checks an optional whole number lies in [min, max]. */
  range(input: string, value: number | undefined, min: number, max: number): void {
    if (value === undefined) return;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.error("invalid-option", input, `${JSON.stringify(value)} must be a whole number from ${min} to ${max}`);
    }
  }
}
