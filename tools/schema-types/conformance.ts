/**
 * The components take their argument types from provider/src/schema-types.ts and `implement` the
 * schema's output interfaces, so tsc already fails when they lack something the schema promises.
 * This adds the other direction, checked by `make check-sdks` (tsc -p tools/schema-types): a
 * component exposes no output property the schema does not list. Nothing here runs.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as gen from "../../provider/src/schema-types";
import type { Workflow } from "../../provider/src/components/workflow";
import type { CallbackQueue } from "../../provider/src/components/callbackQueue";
import type { SyncEndpoint } from "../../provider/src/components/syncEndpoint/component";

type KeysEqual<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { onlyInFirst: Exclude<keyof A, keyof B>; onlyInSecond: Exclude<keyof B, keyof A> };
type OutputKeys<T> = Exclude<{ [K in keyof T]: T[K] extends { apply: unknown } ? K : never }[keyof T], keyof pulumi.ComponentResource>;

export const workflow: KeysEqual<gen.WorkflowOutputs, Pick<Workflow, OutputKeys<Workflow>>> = true;
export const callbackQueue: KeysEqual<gen.CallbackQueueOutputs, Pick<CallbackQueue, OutputKeys<CallbackQueue>>> = true;
export const syncEndpoint: KeysEqual<gen.SyncEndpointOutputs, Pick<SyncEndpoint, OutputKeys<SyncEndpoint>>> = true;
