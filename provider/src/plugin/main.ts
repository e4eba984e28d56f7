#!/usr/bin/env node
/** Plugin entry point: the Pulumi engine starts this (through pulumi-resource-sfn-workflows or PulumiPlugin.yaml). */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SfnWorkflowsProvider } from "./provider";

// The build copies the repository's schema.json next to the package's package.json.
const packageRoot = path.join(__dirname, "..", "..");
const schema = fs.readFileSync(path.join(packageRoot, "schema.json"), "utf8");
const version = (JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;

pulumi.provider.main(new SfnWorkflowsProvider(version, schema), process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
