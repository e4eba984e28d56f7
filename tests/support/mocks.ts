/**
 * Pulumi mocks standing in for AWS: ids, ARNs and URLs shaped like the real ones, and a record of
 * every resource registered, so tests assert on the exact graph the components build.
 */
import * as pulumi from "@pulumi/pulumi";
import { fakeCall, fakeId, fakeState } from "./mockAws";

export { ACCOUNT, REGION } from "./mockAws";

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** The parent's URN is not given to mocks; components are recorded with their own type. */
  custom: boolean;
}

export const registered: Registered[] = [];

const awsMocks: pulumi.runtime.Mocks = {
  newResource(args) {
    registered.push({ type: args.type, name: args.name, inputs: args.inputs, custom: args.custom ?? true });
    return { id: fakeId(args.name), state: fakeState(args.type, args.name, args.inputs) };
  },
  call: (args) => fakeCall(args.token, args.inputs, "test"),
};

/** Installs `mocks` (by default these); mocks are global, so a suite that installs its own puts these back afterwards. */
export function installMocks(mocks: pulumi.runtime.Mocks = awsMocks, preview = false): void {
  void pulumi.runtime.setMocks(mocks, "sfn-workflows-test", "test", preview);
}

installMocks();

/** The value of an output (mocks run as an update, so every value is known). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Whether an output is marked secret. */
export function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
  return pulumi.isSecret(output);
}

/** Resources registered while `create` runs and their outputs settle, in registration order. */
export async function capture(create: () => pulumi.Output<unknown> | pulumi.Output<unknown>[] | void): Promise<Registered[]> {
  const start = registered.length;
  const outputs = create();
  if (outputs) await Promise.all((Array.isArray(outputs) ? outputs : [outputs]).map(valueOf));
  // Let children registered inside applies land.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return registered.slice(start);
}

export function ofType(resources: Registered[], type: string): Registered[] {
  return resources.filter((r) => r.type === type);
}

export function one(resources: Registered[], type: string, name?: string): Registered {
  const found = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
  if (found.length !== 1)
    throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${found.map((r) => r.name).join(", ")}`);
  return found[0];
}

export async function json(value: unknown): Promise<unknown> {
  return JSON.parse(typeof value === "string" ? value : String(await value));
}
