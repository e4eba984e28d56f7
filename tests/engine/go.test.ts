/**
 * The real Pulumi engine, end to end, on the Go example (examples/go): the Go SDK generated from
 * schema.json (sdk/go) asks the sfn-workflows plugin to construct the components. AWS is played
 * by the test-double providers. `make test-engine`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO, useRepoGoSdk } from "./support/engine";
import { describeBadInput, describeOrderApproval } from "./support/orderApproval";

describeOrderApproval({
  name: "Go",
  example: "go",
  project: "sfn-workflows-order-approval-go",
  createsTablesAndTopic: false,
  prepare(ws, dir) {
    ws.installComponentPlugin();
    useRepoGoSdk(dir);
  },
});

describeBadInput({
  name: "a Go program",
  write(dir) {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: sfn-workflows-bad-input-go\nruntime: go\n");
    // The example's module files: same dependencies, same go.sum.
    for (const file of ["go.mod", "go.sum"]) fs.copyFileSync(path.join(REPO, "examples", "go", file), path.join(dir, file));
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
		data, err := os.ReadFile("../definitions/invalid-express-callback.asl.json")
		if err != nil {
			return err
		}
		var definition map[string]interface{}
		if err := json.Unmarshal(data, &definition); err != nil {
			return err
		}
		express := sfnworkflows.WorkflowTypeExpress
		_, err = sfnworkflows.NewWorkflow(ctx, "bad", &sfnworkflows.WorkflowArgs{WorkflowType: &express, Definition: definition})
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
});
