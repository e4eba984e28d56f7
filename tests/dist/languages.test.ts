/**
 * `make test-dist`: the order-approval program in every language that can run here, its
 * sfn-workflows package installed only from dist/, run by the real Pulumi CLI through the scenario
 * of the engine tests (tests/engine/support/orderApproval.ts): up, outputs, a StackReference
 * consumer, destroy (the update steps, which do not depend on how the package was installed, are
 * test-engine's). TypeScript uses the npm tarball directly; the others use the
 * plugin tarball, installed from a loopback release server, with no Node.js on PATH.
 * (.NET: no .NET SDK here; examples/csharp/README.md.)
 */
import { describeOrderApproval, type Language } from "../engine/support/orderApproval";
import { DistServer, ReleaseWorkspace } from "./support/release";

let server: DistServer | undefined;
before(async function () {
  server = await DistServer.start();
});
after(function () {
  server?.close();
});

const workspace = () => {
  if (!server) throw new Error("the dist/ server is not running");
  return new ReleaseWorkspace(server);
};

const viaPlugin = (name: string, example: string, project: string): Language => ({
  name: `${name} (from dist/)`,
  example,
  project,
  createsTablesAndTopic: false,
  installOnly: true,
  workspace,
  prepare(ws) {
    ws.installComponentPlugin();
  },
});

describeOrderApproval({
  name: "TypeScript (from dist/)",
  example: "typescript",
  project: "sfn-workflows-order-approval",
  createsTablesAndTopic: true,
  installOnly: true,
  workspace,
});
describeOrderApproval(viaPlugin("Python", "python", "sfn-workflows-order-approval-python"));
describeOrderApproval(viaPlugin("Go", "go", "sfn-workflows-order-approval-go"));
describeOrderApproval(viaPlugin("YAML", "yaml", "sfn-workflows-order-approval-yaml"));
describeOrderApproval(viaPlugin("Java", "java", "sfn-workflows-order-approval-java"));
