/**
 * The real Pulumi engine, end to end, on the Python example (examples/python): the Python SDK
 * generated from schema.json (sdk/python) asks the sfn-workflows plugin to construct the
 * components. AWS is played by the test-double providers. `make test-engine`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pythonVenv } from "./support/engine";
import { describeBadInput, describeOrderApproval } from "./support/orderApproval";

describeOrderApproval({
  name: "Python",
  example: "python",
  project: "sfn-workflows-order-approval-python",
  createsTablesAndTopic: false,
  prepare(ws) {
    ws.installComponentPlugin();
    ws.prependPath(pythonVenv());
  },
});

describeBadInput({
  name: "a Python program",
  monitorShutdownTraceback: true,
  write(dir) {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: sfn-workflows-bad-input-python\nruntime: python\n");
    fs.writeFileSync(
      path.join(dir, "__main__.py"),
      [
        "import json",
        "import pathlib",
        "",
        "import pulumi_sfn_workflows as sfnw",
        "",
        'definition = json.loads((pathlib.Path(__file__).parent.parent / "definitions" / "invalid-express-callback.asl.json").read_text())',
        'sfnw.Workflow("bad", workflow_type=sfnw.WorkflowType.EXPRESS, definition=definition)',
        "",
      ].join("\n"),
    );
  },
  prepare(ws) {
    ws.installComponentPlugin();
    ws.prependPath(pythonVenv());
  },
});
