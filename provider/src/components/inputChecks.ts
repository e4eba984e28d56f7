/**
 * Checks a component's inputs against schema.json, the one description of them every language's
 * SDK is generated from: unknown keys (with the closest known one), wrong types, enum values,
 * missing required inputs, values that must be known at preview but are not, and every ARN (one
 * helper, analysis/arn.ts). TypeScript objects, dicts from Python, maps from YAML all get here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { arnProblem, type ArnKind } from "../analysis/arn";
import { didYouMean, spelledLike } from "../analysis/suggest";
import { own } from "../model/own";
import type { PackageSchema, SchemaProperty } from "./schemaTypes";
import { InputError, Problems, type Problem } from "./errors";

const TYPES = "#/types/";
const ANY = "pulumi.json#/Any";
const PACKAGE = "sfn-workflows:index:";

/** Inputs that take ARNs, by `Type.property` (a unit test keeps this in step with schema.json). */
export const ARN_INPUTS: Readonly<Record<string, ArnKind>> = {
  "Workflow.roleArn": "iam-role",
  "WorkflowCallback.kmsKeyArn": "kms-key",
  "Logging.kmsKeyArn": "kms-key",
  "WorkflowAlarms.actions": "alarm-action",
  "WorkflowAlarms.okActions": "alarm-action",
  "WorkflowAlarms.insufficientDataActions": "alarm-action",
  "CallbackQueue.kmsKeyArn": "kms-key",
  "CallbackQueue.senderRoleArns": "iam-role",
  "CallbackQueueAlarms.actions": "alarm-action",
  "CallbackQueueAlarms.okActions": "alarm-action",
  "CallbackQueueAlarms.insufficientDataActions": "alarm-action",
  "SyncEndpoint.stateMachineArn": "state-machine",
  "SyncEndpoint.cognitoUserPoolArns": "cognito-user-pool",
  "WorkflowSyncEndpoint.cognitoUserPoolArns": "cognito-user-pool",
  "SyncEndpointAccessLogs.kmsKeyArn": "kms-key",
};

let loaded: PackageSchema | undefined;

/** The package's schema.json (next to package.json: two levels up from src/components and bin/components). */
export function packageSchema(): PackageSchema {
  loaded ??= JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schema.json"), "utf8")) as PackageSchema;
  return loaded;
}

/** What to say when an input that decides which resources are created is not known yet. */
export function unknownAtPreview(input: string): string {
  const how =
    input === "definition"
      ? "keep the definition literal and pass values known only later (ARNs, names of other resources) through definitionSubstitutions, as ${Name} placeholders"
      : "pass a literal value, or a value your program computes without waiting for a resource";
  return `must be known when the program runs, during preview too (it decides which resources are created), but it is a value known only later (an Output or a promise); ${how}`;
}

const isPending = (value: unknown) =>
  pulumi.Output.isInstance(value) || pulumi.isUnknown(value) || (typeof value === "object" && value !== null && "then" in value);

const kindOf = (value: unknown) => (Array.isArray(value) ? "array" : typeof value);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** `a.b`, or `a["b.c"]` for keys the dotted form would split. */
export function childPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$ -]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (isRecord(value)) return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A value that fails its ARN check once known: the failure names the input, no serializer. */
export interface PendingArn {
  input: string;
  kind: ArnKind;
}

class SchemaWalk {
  readonly problems = new Problems();
  readonly pendingArns: PendingArn[] = [];

  constructor(private readonly schema: PackageSchema) {}

  describe(spec: SchemaProperty): string {
    if (spec.oneOf) return spec.oneOf.map((s) => this.describe(s)).join(" or ");
    if (spec.$ref === ANY) return "any value";
    if (spec.$ref?.startsWith(TYPES)) {
      const type = this.schema.types?.[spec.$ref.slice(TYPES.length)];
      if (type?.enum) return `one of ${type.enum.map((e) => JSON.stringify(e.value)).join(", ")}`;
      return `an object (${spec.$ref.slice(TYPES.length + PACKAGE.length)})`;
    }
    switch (spec.type) {
      case "array":
        return `a list${spec.items ? ` whose items are each ${this.describe(spec.items)}` : ""}`;
      case "object":
        return `an object${spec.additionalProperties ? ` whose values are each ${this.describe(spec.additionalProperties)}` : ""}`;
      case "integer":
        return "a whole number";
      case "boolean":
        return "true or false";
      default:
        return `a ${spec.type ?? "value"}`;
    }
  }

  /**
   * Checks `value` against `spec`; problems go to `problems`. Returns the value without its faults
   * (a value of the wrong type, an unknown key, a value not in its enum become undefined), so the
   * components' own checks never misread one: every problem is still reported at once.
   */
  value(value: unknown, spec: SchemaProperty, input: string, arn?: ArnKind): unknown {
    if (value === undefined || value === null) return undefined;
    if (isPending(value)) {
      if (spec.plain) return this.fault("unknown-at-preview", input, unknownAtPreview(input));
      if (arn) this.pendingArns.push({ input, kind: arn });
      return value;
    }
    if (spec.oneOf) {
      // The option of the value's own kind says what is wrong inside it (an object's unknown key).
      const option = spec.oneOf.find((o) => this.kindOf(o) === kindOf(value));
      return option ? this.value(value, option, input, arn) : this.wrongType(value, spec, input);
    }
    if (spec.$ref === ANY) return value;
    if (spec.$ref?.startsWith(TYPES)) return this.named(value, spec.$ref.slice(TYPES.length), input);
    switch (spec.type) {
      case "string":
        if (typeof value !== "string") return this.wrongType(value, spec, input);
        if (arn) {
          const problem = arnProblem(value, arn);
          // The value keeps its type: the components' own checks read it as they would a good one.
          if (problem) this.fault("invalid-arn", input, problem);
        }
        return value;
      case "integer":
        return Number.isInteger(value) ? value : this.wrongType(value, spec, input);
      case "number":
        return typeof value === "number" && Number.isFinite(value) ? value : this.wrongType(value, spec, input);
      case "boolean":
        return typeof value === "boolean" ? value : this.wrongType(value, spec, input);
      case "array":
        if (!Array.isArray(value)) return this.wrongType(value, spec, input);
        if (!spec.items) return value;
        return value.map((item, i) => this.value(item, spec.items!, `${input}[${i}]`, arn)).filter((item) => item !== undefined);
      case "object":
        if (!isRecord(value)) return this.wrongType(value, spec, input);
        if (!spec.additionalProperties) return value;
        return Object.fromEntries(
          Object.entries(value)
            .map(([key, item]) => [key, this.value(item, spec.additionalProperties!, childPath(input, key))] as const)
            .filter(([, item]) => item !== undefined),
        );
      default:
        return value;
    }
  }

  /** What kind of JavaScript value `spec` takes. */
  kindOf(spec: SchemaProperty): string {
    if (spec.$ref?.startsWith(TYPES)) {
      const type = this.schema.types?.[spec.$ref.slice(TYPES.length)];
      return type?.enum ? typeof type.enum[0]?.value : "object";
    }
    if (spec.type === "integer") return "number";
    return spec.type ?? "any";
  }

  /** An object type or an enum of schema.json. */
  named(value: unknown, token: string, input: string): unknown {
    const type = own(this.schema.types, token);
    if (!type) return value;
    if (type.enum) {
      const allowed = type.enum.map((e) => e.value);
      if (allowed.includes(value)) return value;
      const names = allowed.map(String);
      const hint = typeof value === "string" ? didYouMean(value, names) : "";
      return this.fault("invalid-option", input, `${shown(value)} is not one of ${names.join(", ")}${hint}`);
    }
    if (!isRecord(value)) return this.wrongType(value, { $ref: `${TYPES}${token}` }, input);
    return this.properties(value, type.properties ?? {}, type.required ?? [], input, token.slice(PACKAGE.length));
  }

  /** The keys of an object input: each known, the required ones present, every value checked. */
  properties(
    value: Record<string, unknown>,
    properties: Record<string, SchemaProperty>,
    required: readonly string[],
    input: string,
    typeName: string,
  ): Record<string, unknown> {
    const known = Object.keys(properties);
    const clean: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const spec = own(properties, key);
      if (!spec) {
        const hint = didYouMean(key, known) || `; known inputs: ${known.map((name) => spelledLike(key, name)).join(", ")}`;
        this.fault("unknown-key", childPath(input, key), `${typeName} has no input \`${key}\`${hint}`);
        continue;
      }
      const checked = this.value(item, spec, childPath(input, key), own(ARN_INPUTS, `${typeName}.${key}`));
      if (checked !== undefined) clean[key] = checked;
    }
    for (const key of required)
      if (value[key] === undefined || value[key] === null)
        this.fault("missing-input", childPath(input, key), `${typeName} needs \`${key}\``);
    return clean;
  }

  wrongType(value: unknown, spec: SchemaProperty, input: string): undefined {
    return this.fault("wrong-type", input, `must be ${this.describe(spec)}, not ${shown(value)}`);
  }

  fault(rule: string, input: string, message: string): undefined {
    this.problems.error(rule, input, message);
    return undefined;
  }
}

/** Args objects a component built for a child it checked already (a Workflow's queues and endpoint). */
const checkedArgs = new WeakSet<object>();

export function markChecked<T extends object>(args: T): T {
  checkedArgs.add(args);
  return args;
}

export interface InputCheck<T> {
  problems: Problems;
  /** The inputs without their faults, for the components' own checks. */
  args: T;
  /** ARN inputs given as values known only later; `checkWhenKnown` wraps them. */
  pendingArns: PendingArn[];
}

/** Checks a resource's inputs against the schema. */
export function checkInputs<T>(token: string, args: T): InputCheck<T> {
  const walk = new SchemaWalk(packageSchema());
  if (typeof args === "object" && args !== null && checkedArgs.has(args)) return { problems: walk.problems, args, pendingArns: [] };
  const resource = packageSchema().resources[token];
  let clean: unknown = {};
  if (!isRecord(args)) walk.fault("wrong-type", "(arguments)", `must be an object of inputs, not ${shown(args)}`);
  else clean = walk.properties(args, resource.inputProperties ?? {}, resource.requiredInputs ?? [], "", token.slice(PACKAGE.length));
  return { problems: walk.problems, args: clean as T, pendingArns: walk.pendingArns };
}

/** An ARN input known only later, checked once known: a bad value fails naming the input. */
export function checkWhenKnown<T>(
  token: string,
  name: string,
  check: InputCheck<unknown>,
  input: string,
  value: pulumi.Input<T>,
): pulumi.Output<T> {
  const pending = check.pendingArns.find((p) => p.input === input);
  if (!pending) return pulumi.output(value) as pulumi.Output<T>;
  return pulumi.output(value).apply((known) => {
    // Absent is not wrong: under Pulumi mocks another resource's ARN output may resolve to nothing.
    if (known === undefined || known === null) return known;
    const problem = arnProblem(known, pending.kind);
    if (problem)
      throw new InputError(token, name, [{ severity: "error", rule: "invalid-arn", state: null, input, message: problem }], false);
    return known;
  }) as pulumi.Output<T>;
}

/** Whether `path` is `parent` or lies inside it. */
export const within = (path: string, parent: string) => path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);

/** The input checks' errors, then the component's own except about inputs the checks faulted already. */
export function mergeErrors(check: InputCheck<unknown>, own: readonly Problem[]): Problem[] {
  const faulted = check.problems.errors.map((p) => p.input ?? "");
  // The analysis' problems are the definition's.
  const fresh = (p: Problem) => !faulted.some((f) => within(p.input ?? "definition", f));
  return [...check.problems.errors, ...own.filter((p) => p.severity === "error" && fresh(p))];
}
