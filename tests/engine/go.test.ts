/**
 * The real Pulumi engine, end to end, on the Go example (examples/go): the Go SDK generated from
 * schema.json (sdk/go) asks the sfn-workflows plugin to construct the components. AWS is played
 * by the test-double providers. `make test-engine`.
 */
import { useRepoGoSdk } from "./support/engine";
import { goProgram } from "./support/badInputPrograms";
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

describeBadInput(goProgram);
