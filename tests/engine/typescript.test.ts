/**
 * The real Pulumi engine, end to end, on the TypeScript example (examples/typescript, the
 * components used directly, no plugin) and the consumer stack (examples/consumer-typescript).
 * AWS is played by the test-double providers in tests/engine/fake-providers. `make test-engine`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describeBadInput, describeOrderApproval } from "./support/orderApproval";

describeOrderApproval({
  name: "TypeScript",
  example: "typescript",
  project: "sfn-workflows-order-approval",
  createsTablesAndTopic: true,
});

describeBadInput({
  name: "a TypeScript program",
  write(dir) {
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
        'const definition = JSON.parse(fs.readFileSync("../definitions/invalid-express-callback.asl.json", "utf8"));',
        'new Workflow("bad", { workflowType: "EXPRESS", definition });',
        "",
      ].join("\n"),
    );
  },
});
