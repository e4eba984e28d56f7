/**
 * The bad-input program of each language: a Workflow from invalid-express-callback.asl.json as an
 * EXPRESS workflow (its callback task is an error there, and it has two more). The engine tests
 * preview it for the error report; `make bench` also previews the same program with the definition
 * corrected, as a STANDARD workflow, to compare a failed preview with a good one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type EngineWorkspace, REPO, pythonVenv, useRepoGoSdk } from "./engine";

export type WorkflowType = "STANDARD" | "EXPRESS";

/** A program, in some language, declaring a workflow of a given type from invalid-express-callback.asl.json. */
export interface BadInputProgram {
  name: string;
  /** Writes the program into DIR (a sibling of the definitions directory), reading DEFINITION from there. */
  write(dir: string, workflowType: WorkflowType, definition?: string): void;
  prepare?(ws: EngineWorkspace, dir: string): void;
  /** Python only: the SDK's noise after a failed construct (pythonShutdownNoise.ts), set apart before the asserts. */
  pythonShutdownNoise?: boolean;
}

const definitionPath = (file = "invalid-express-callback.asl.json") => `../definitions/${file}`;

export const typescriptProgram: BadInputProgram = {
  name: "a TypeScript program",
  write(dir, workflowType, definition) {
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: sfn-workflows-bad-input-ts\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
    );
    // Its own package.json, as every Pulumi nodejs project has: without one, the runtime would take
    // the "main" of the repository's package.json (the plugin entry point).
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: "sfn-workflows-bad-input-ts", private: true, main: "index.ts" }),
    );
    fs.writeFileSync(
      path.join(dir, "index.ts"),
      [
        'import * as fs from "node:fs";',
        'import { Workflow } from "@sfn-workflows/pulumi";',
        `const definition = JSON.parse(fs.readFileSync("${definitionPath(definition)}", "utf8"));`,
        `new Workflow("bad", { workflowType: "${workflowType}", definition });`,
        "",
      ].join("\n"),
    );
  },
};

export const pythonProgram: BadInputProgram = {
  name: "a Python program",
  pythonShutdownNoise: true,
  write(dir, workflowType, definition) {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: sfn-workflows-bad-input-python\nruntime: python\n");
    fs.writeFileSync(
      path.join(dir, "__main__.py"),
      [
        "import json",
        "import pathlib",
        "",
        "import pulumi_sfn_workflows as sfnw",
        "",
        `definition = json.loads((pathlib.Path(__file__).parent / "${definitionPath(definition)}").read_text())`,
        `sfnw.Workflow("bad", workflow_type=sfnw.WorkflowType.${workflowType}, definition=definition)`,
        "",
      ].join("\n"),
    );
  },
  prepare(ws) {
    ws.installComponentPlugin();
    ws.prependPath(pythonVenv());
  },
};

export const goProgram: BadInputProgram = {
  name: "a Go program",
  write(dir, workflowType, definition) {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: sfn-workflows-bad-input-go\nruntime: go\n");
    // The example's module files: same dependencies, same go.sum.
    for (const file of ["go.mod", "go.sum"]) fs.copyFileSync(path.join(REPO, "examples", "go", file), path.join(dir, file));
    const constant = workflowType === "EXPRESS" ? "WorkflowTypeExpress" : "WorkflowTypeStandard";
    fs.writeFileSync(
      path.join(dir, "main.go"),
      `package main

import (
	"encoding/json"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/sfn-workflows/pulumi-sfn-workflows/sdk/go/sfnworkflows"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		data, err := os.ReadFile("${definitionPath(definition)}")
		if err != nil {
			return err
		}
		var definition map[string]interface{}
		if err := json.Unmarshal(data, &definition); err != nil {
			return err
		}
		workflowType := sfnworkflows.${constant}
		_, err = sfnworkflows.NewWorkflow(ctx, "bad", &sfnworkflows.WorkflowArgs{WorkflowType: &workflowType, Definition: definition})
		return err
	})
}
`,
    );
  },
  prepare(ws, dir) {
    ws.installComponentPlugin();
    useRepoGoSdk(dir);
  },
};

export const yamlProgram: BadInputProgram = {
  name: "a YAML program",
  write(dir, workflowType, definition) {
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      [
        "name: sfn-workflows-bad-input-yaml",
        "runtime: yaml",
        "variables:",
        "  definition:",
        `    fn::readFile: ${definitionPath(definition)}`,
        "resources:",
        "  bad:",
        "    type: sfn-workflows:Workflow",
        "    properties:",
        `      workflowType: ${workflowType}`,
        "      definition: ${definition}",
        "",
      ].join("\n"),
    );
  },
  prepare(ws) {
    ws.installComponentPlugin();
  },
};
