/**
 * Values built from other resources' outputs and from the partition, region and account invokes.
 * Real AWS always returns what the components read; Pulumi mocks return only what a test gives
 * (Pulumi's testing guide: a resource's id and its inputs), and the rest resolves to undefined.
 * A value built from an absent part is left out instead of carrying "undefined" or null into a
 * name, an ARN, a URL or a policy. The results stay typed as present: only mocks leave them out.
 */
import * as pulumi from "@pulumi/pulumi";

/** Undefined or null, or a list or plain record holding such a value. */
export function absent(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.some(absent);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).some(absent);
  return false;
}

type Present<P extends readonly unknown[]> = { [K in keyof P]: NonNullable<pulumi.Unwrap<P[K]>> };

/** `build` applied to the parts' values once they are known, when none is absent. */
export function whenPresent<P extends readonly unknown[], R>(parts: [...P], build: (...values: Present<P>) => R): pulumi.Output<R> {
  return pulumi
    .all(parts as unknown[])
    .apply((values) => (values.some(absent) ? undefined : build(...(values as Present<P>)))) as pulumi.Output<R>;
}

/** `pulumi.interpolate`, left out when an interpolated value is absent. */
export function presentText(literals: TemplateStringsArray, ...values: pulumi.Input<string | number>[]): pulumi.Output<string> {
  return whenPresent(values, (...known) => literals.reduce((text, literal, i) => `${text}${String(known[i - 1])}${literal}`));
}
