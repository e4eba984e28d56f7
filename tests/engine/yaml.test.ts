/**
 * The real Pulumi engine, end to end, on the YAML example (examples/yaml): the YAML language host
 * reads the component schema from the sfn-workflows plugin and asks it to construct the
 * components. AWS is played by the test-double providers. `make test-engine`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describeBadInput, describeOrderApproval } from "./support/orderApproval";

describeOrderApproval({
  name: "YAML",
  example: "yaml",
  project: "sfn-workflows-order-approval-yaml",
  createsTablesAndTopic: false,
  prepare(ws) {
    ws.installComponentPlugin();
  },
});

describeBadInput({
  name: "a YAML program",
  write(dir) {
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      [
        "name: sfn-workflows-bad-input-yaml",
        "runtime: yaml",
        "variables:",
        "  definition:",
        "    fn::readFile: ../definitions/invalid-express-callback.asl.json",
        "resources:",
        "  bad:",
        "    type: sfn-workflows:Workflow",
        "    properties:",
        "      workflowType: EXPRESS",
        "      definition: ${definition}",
        "",
      ].join("\n"),
    );
  },
  prepare(ws) {
    ws.installComponentPlugin();
  },
});
