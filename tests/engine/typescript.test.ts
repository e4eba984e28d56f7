/**
 * The real Pulumi engine, end to end, on the TypeScript example (examples/typescript, the
 * components used directly, no plugin) and the consumer stack (examples/consumer-typescript).
 * AWS is played by the test-double providers in tests/engine/fake-providers. `make test-engine`.
 */
import { typescriptProgram } from "./support/badInputPrograms";
import { describeBadInput, describeOrderApproval } from "./support/orderApproval";

describeOrderApproval({
  name: "TypeScript",
  example: "typescript",
  project: "sfn-workflows-order-approval",
  createsTablesAndTopic: true,
});

describeBadInput(typescriptProgram);
