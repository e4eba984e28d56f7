/** Types of harness.js (plain CommonJS, so the cold-start benchmark runs it with node alone). */
import type { ChildProcess } from "node:child_process";
import type * as grpc from "@grpc/grpc-js";
import type * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import type * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
import type * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import type * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { Empty } from "google-protobuf/google/protobuf/empty_pb";

export const REPO: string;
export const PLUGIN: string;
export const SIG: string;
export const SECRET_SIG: string;
export const RESOURCE_SIG: string;
export const OUTPUT_SIG: string;
export const UNKNOWN: string;
export const ACCOUNT: string;
export const REGION: string;
export const PROJECT: string;
export const STACK: string;
export const STACK_URN: string;

export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

export function secret(value: Wire): Wire;
export function outputValue(value: { value?: Wire; secret?: boolean; dependencies?: string[] }): Wire;
export function isSecretValue(value: unknown): value is { value: Wire };
export function isOutputValue(value: unknown): boolean;
export function urnOf(type: string, name: string, parent?: string): string;

/** One RegisterResource call the plugin made. */
export interface Registration {
  type: string;
  name: string;
  parent: string;
  custom: boolean;
  remote: boolean;
  urn: string;
  /** The inputs as sent, special values (secrets, unknowns) in their wire form. */
  object: Record<string, Wire>;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  provider: string;
  version: string;
  additionalSecretOutputs: string[];
  /** Where the program registered the resource (file URI), as the SDK reports it. */
  sourceUri?: string;
}

export interface LogEntry {
  severity: number;
  message: string;
  urn: string;
}

export interface ConstructOptions {
  type: string;
  name: string;
  inputs: Record<string, Wire>;
  inputDependencies?: Record<string, string[]>;
  providers?: Record<string, string>;
  dependencies?: string[];
  dryRun?: boolean;
  config?: Record<string, string>;
}

export class FakeEngine {
  address: string;
  /** What RegisterResource answers: a preview leaves computed outputs unknown. */
  dryRun: boolean;
  registrations: Registration[];
  outputs: Map<string, Record<string, Wire>>;
  invokes: Array<{ tok: string; args: Record<string, Wire> }>;
  logs: LogEntry[];
  root: string;
  reset(): void;
  start(): Promise<string>;
  stop(): Promise<void>;
  constructRequest(options: ConstructOptions): providerProto.ConstructRequest;
}

export interface PluginHandle {
  child: ChildProcess;
  port: number;
  stderr: string;
  exited: Promise<number | string | null>;
  client: grpc.Client;
  call<T = unknown>(method: string, request: unknown): Promise<T>;
  stop(): Promise<void>;
}

export function startPlugin(
  engineAddress: string,
  options?: { timeoutMs?: number; plugin?: string; env?: Record<string, string> },
): Promise<PluginHandle>;
export function unary<T = unknown>(client: grpc.Client, method: string, request: unknown): Promise<T>;

export const proto: {
  providerProto: typeof providerProto;
  resourceProto: typeof resourceProto;
  engineProto: typeof engineProto;
  pluginProto: typeof pluginProto;
  Struct: typeof Struct;
  Empty: typeof Empty;
};
