/**
 * Turns the inputs another language's SDK sent into the arguments a component takes. The schema
 * marks `plain` what the component reads while it is built (the definition, callback names, alarm
 * thresholds, the keys of substitution maps): those are awaited and must be known, even during
 * preview. Every other value stays an Output where it is one, so secrets, unknowns and
 * dependencies flow into the child resources unchanged.
 */
import * as pulumi from "@pulumi/pulumi";
import { unknownAtPreview } from "../components/inputChecks";
import type { PackageSchema, SchemaProperty } from "../components/schemaTypes";
import { own } from "../model/own";

/** Raised when a value the component needs up front is not known yet. */
export class UnknownPlainInputError extends Error {
  readonly reason: string;

  constructor(readonly input: string) {
    const reason = unknownAtPreview(input);
    super(`${input} ${reason}`);
    this.reason = reason;
  }
}

interface OutputInternals<T> {
  isKnown: Promise<boolean>;
  /** With `withUnknowns`, the value even when parts of it are unknown. */
  promise(withUnknowns?: boolean): Promise<T>;
  /** With `runWithUnknowns`, runs `func` on a partly unknown value too (what Output's own property proxy does). */
  apply<U>(func: (value: T) => U, runWithUnknowns?: boolean): pulumi.Output<U>;
}

function unknownPlainInput(path: string): UnknownPlainInputError {
  return new UnknownPlainInputError(path);
}

async function known<T>(output: pulumi.Output<T>, path: string): Promise<T> {
  const internals = output as unknown as OutputInternals<T>;
  if (!(await internals.isKnown)) throw unknownPlainInput(path);
  return internals.promise();
}

/** Awaits every Output inside a value; any unknown in it is an error. */
async function plainValue(value: unknown, path: string): Promise<unknown> {
  // During preview the engine's unknown sentinel arrives as a bare Unknown, not wrapped in an Output.
  if (pulumi.isUnknown(value)) throw unknownPlainInput(path);
  if (pulumi.Output.isInstance(value)) return plainValue(await known(value, path), path);
  if (Array.isArray(value)) return Promise.all(value.map((item, i) => plainValue(item, `${path}[${i}]`)));
  if (typeof value === "object" && value !== null) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, item]) => [key, await plainValue(item, `${path}.${key}`)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

export class InputConverter {
  constructor(private readonly schema: PackageSchema) {}

  async resource(token: string, inputs: pulumi.Inputs): Promise<Record<string, unknown>> {
    const resource = own(this.schema.resources, token);
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(inputs)) {
      const property = own(resource?.inputProperties, key);
      result[key] = property ? await this.convert(value, property, key) : value;
    }
    return result;
  }

  private async convert(value: unknown, property: SchemaProperty, path: string): Promise<unknown> {
    if (value === undefined || value === null) return undefined;
    // A bare Unknown (the unknown sentinel, during preview, without an output value around it) is
    // no Input a component understands: as an Output it is one, unknown like any other.
    if (pulumi.isUnknown(value)) {
      if (property.plain) throw unknownPlainInput(path);
      return pulumi.output(value);
    }
    const shape = this.shapeOf(property);
    // A plain leaf is read while the component is built; any other leaf flows on as it came
    // (an Output where it holds bare unknowns).
    if (!shape) {
      if (property.plain) return plainValue(value, path);
      return !pulumi.Output.isInstance(value) && pulumi.containsUnknowns(value) ? pulumi.output(value) : value;
    }
    let open: unknown = value;
    if (pulumi.Output.isInstance(value)) {
      // A structure wrapped whole (it holds a secret, or has dependencies): open it, each part an
      // Output derived from the whole, so secrecy and dependencies stay attached. A part holding an
      // unknown is unknown by itself; the other parts stay known, so an unknown alarm action does
      // not make the alarm's period unknown. Only a wholly unknown structure cannot be opened.
      const inner = await (value as unknown as OutputInternals<unknown>).promise(true);
      if (inner === undefined || pulumi.isUnknown(inner)) return property.plain ? plainValue(value, path) : value;
      open = this.spread(value, inner);
    }
    if (shape.kind === "array") {
      return Array.isArray(open) ? Promise.all(open.map((item, i) => this.convert(item, shape.item, `${path}[${i}]`))) : open;
    }
    if (typeof open !== "object" || open === null || Array.isArray(open)) return open;
    const entries = await Promise.all(
      Object.entries(open).map(async ([key, item]) => {
        const child = shape.kind === "object" ? own(shape.properties, key) : shape.item;
        return [key, child ? await this.convert(item, child, `${path}.${key}`) : item] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /** The children of a wrapped value, each an Output derived from the whole (same secrecy, same dependencies). */
  private spread(whole: pulumi.Output<unknown>, inner: unknown): unknown {
    const part = (pick: (value: unknown) => unknown) => (whole as unknown as OutputInternals<unknown>).apply(pick, true);
    if (Array.isArray(inner)) return inner.map((_, i) => part((v) => (v as unknown[])[i]));
    if (typeof inner === "object" && inner !== null) {
      return Object.fromEntries(Object.keys(inner).map((key) => [key, part((v) => (v as Record<string, unknown>)[key])]));
    }
    return whole;
  }

  private shapeOf(
    property: SchemaProperty,
  ): { kind: "object"; properties: Record<string, SchemaProperty> } | { kind: "map" | "array"; item: SchemaProperty } | undefined {
    if (property.$ref?.startsWith("#/types/")) {
      const type = this.schema.types?.[decodeURIComponent(property.$ref.slice("#/types/".length))];
      if (type?.properties) return { kind: "object", properties: type.properties };
      return undefined;
    }
    if (property.type === "array" && property.items) return { kind: "array", item: property.items };
    if (property.type === "object" && property.additionalProperties) return { kind: "map", item: property.additionalProperties };
    return undefined;
  }
}
