#!/usr/bin/env node
/** Plugin entry point: the Pulumi engine starts this (through pulumi-resource-sfn-workflows or PulumiPlugin.yaml). */
import { persistCompileCacheSoon } from "../compileCache";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SfnWorkflowsProvider } from "./provider";

// The build copies the repository's schema.json next to the package's package.json.
const packageRoot = path.join(__dirname, "..", "..");
const schema = fs.readFileSync(path.join(packageRoot, "schema.json"), "utf8");
const version = (JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;

// provider.main installs source-map-support before it first waits. The SDK takes a stack trace for
// every promise it tracks and every resource it registers, and source-map-support would map each
// one through the source maps of the SDKs (megabytes of them): over half a second of CPU in a cold
// Construct of a Workflow. Stack traces keep their compiled positions instead (run node with
// --enable-source-maps to map them); error messages are unchanged.
const prepareStackTrace = Error.prepareStackTrace;
const serving = pulumi.provider.main(new SfnWorkflowsProvider(version, schema), process.argv.slice(2));
Error.prepareStackTrace = prepareStackTrace;
serving.then(persistCompileCacheSoon, (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
