/**
 * The real Pulumi engine, end to end, on the YAML example (examples/yaml): the YAML language host
 * reads the component schema from the sfn-workflows plugin and asks it to construct the
 * components. AWS is played by the test-double providers. `make test-engine`.
 */
import { yamlProgram } from "./support/badInputPrograms";
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

describeBadInput(yamlProgram);
