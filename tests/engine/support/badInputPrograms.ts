/**
 * The bad-input program of each language: a Workflow from invalid-express-callback.asl.json, whose
 * callback task is an error in an EXPRESS workflow and valid in a STANDARD one. The engine tests
 * preview them as EXPRESS (the error report); `make bench` previews both types to compare a failed
 * preview with a good one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type EngineWorkspace, REPO, pythonVenv, useRepoGoSdk } from "./engine";

export type WorkflowType = "STANDARD" | "EXPRESS";

/** A program, in some language, declaring a workflow of a given type from invalid-express-callback.asl.json. */
export interface BadInputProgram {
  name: string;
  /** Writes the program into DIR (a sibling of the definitions directory). */
  write(dir: string, workflowType: WorkflowType): void;
  prepare?(ws: EngineWorkspace, dir: string): void;
  /** Python only: the SDK's noise after a failed construct (pythonShutdownNoise.ts), set apart before the asserts. */
  pythonShutdownNoise?: boolean;
}

const DEFINITION = "../definitions/invalid-express-callback.asl.json";

export const typescriptProgram: BadInputProgram = {
  name: "a TypeScript program",
  write(dir, workflowType) {
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
        `const definition = JSON.parse(fs.readFileSync("${DEFINITION}", "utf8"));`,
        `new Workflow("bad", { workflowType: "${workflowType}", definition });`,
        "",
      ].join("\n"),
    );
  },
};

export const pythonProgram: BadInputProgram = {
  name: "a Python program",
  pythonShutdownNoise: true,
  write(dir, workflowType) {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: sfn-workflows-bad-input-python\nruntime: python\n");
    fs.writeFileSync(
      path.join(dir, "__main__.py"),
      [
        "import json",
        "import pathlib",
        "",
        "import pulumi_sfn_workflows as sfnw",
        "",
        `definition = json.loads((pathlib.Path(__file__).parent / "${DEFINITION}").read_text())`,
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
  write(dir, workflowType) {
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
		data, err := os.ReadFile("${DEFINITION}")
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
  write(dir, workflowType) {
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      [
        "name: sfn-workflows-bad-input-yaml",
        "runtime: yaml",
        "variables:",
        "  definition:",
        `    fn::readFile: ${DEFINITION}`,
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
