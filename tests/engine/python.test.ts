/**
 * The real Pulumi engine, end to end, on the Python example (examples/python): the Python SDK
 * generated from schema.json (sdk/python) asks the sfn-workflows plugin to construct the
 * components. AWS is played by the test-double providers. `make test-engine`.
 */
import { pythonVenv } from "./support/engine";
import { pythonProgram } from "./support/badInputPrograms";
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

describeBadInput(pythonProgram);
