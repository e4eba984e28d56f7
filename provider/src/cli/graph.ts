/** `sfn-workflows graph`: the definition as a picture, with what a Workflow would create around it. */
import { Option, type Command } from "commander";
import { analyze } from "../analysis/analyze";
import { defaultGraphResources } from "../components/graphResources";
import { buildGraph } from "../graph/build";
import { renderDot } from "../graph/dot";
import { renderMermaid } from "../graph/mermaid";
import { renderSvg, startSvgEngine } from "../graph/svg";
import type { PolicyStatement, WorkflowType } from "../model/types";
import { EXIT_DEFINITION_ERRORS, EXIT_OK } from "./errors";
import { parseWorkflowType, WORKFLOW_TYPES } from "./options";
import { readDefinition, readPolicyStatements } from "./read";
import { standardInputOnce } from "./readText";

export const GRAPH_FORMATS = ["mermaid", "svg", "dot"] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

interface GraphFlags {
  format: GraphFormat;
  type: WorkflowType;
  /** Path of the `--policy-statements` file. */
  policyStatements?: string;
}

const GRAPH_HELP = `
Examples:
  $ sfn-workflows graph order.asl.json > order.mmd
  $ sfn-workflows graph order.asl.json --format svg > order.svg
  $ sfn-workflows graph order.asl.json --format dot | dot -Tpng > order.png

The picture shows what a Workflow with default options creates: one callback queue (and its
dead-letter queue) per \${callbacks.NAME.queueUrl} placeholder, and the default alarms.
A definition with errors is still drawn: the offending states are marked with the rule ids.

Exit codes:
  0  the definition has no errors
  1  the definition has errors (the picture is printed all the same)
  2  usage error, or a file that cannot be read`;

/**
 * The picture of a definition's text, and whether the definition is free of errors; the user's
 * own statements for the role (`--policy-statements`) silence the warnings they answer, as in check.
 */
export async function runGraph(
  text: string,
  flags: GraphFlags,
  extraStatements?: readonly PolicyStatement[],
): Promise<{ picture: string; ok: boolean }> {
  if (flags.format === "svg") startSvgEngine();
  const analysis = analyze(text, { workflowType: flags.type, extraStatements });
  const model = buildGraph(analysis, defaultGraphResources(analysis));
  const picture = flags.format === "svg" ? await renderSvg(model) : flags.format === "dot" ? renderDot(model) : renderMermaid(model);
  return { picture, ok: analysis.ok };
}

export function registerGraph(program: Command, setExitCode: (code: number) => void): void {
  program
    .command("graph")
    .description(
      "Draw a definition: states and transitions, task patterns, callback queues, alarms and each state's IAM actions (Mermaid, SVG or DOT).",
    )
    .showHelpAfterError("(run 'sfn-workflows graph --help' for usage)")
    .argument("<file>", 'definition file (Amazon States Language JSON); "-" reads standard input')
    .addOption(new Option("--format <format>", "output format").choices(GRAPH_FORMATS).default("mermaid"))
    .addOption(
      new Option("--type <type>", "workflow type the definition runs as")
        .choices(WORKFLOW_TYPES)
        .default("STANDARD")
        .argParser(parseWorkflowType),
    )
    .option(
      "--policy-statements <file>",
      "JSON file of your own IAM statements for the role, as in check: the warnings they answer are not drawn",
    )
    .addHelpText("after", GRAPH_HELP)
    .action(async (file: string, flags: GraphFlags) => {
      standardInputOnce({ FILE: file, "--policy-statements": flags.policyStatements });
      const extraStatements = flags.policyStatements !== undefined ? readPolicyStatements(flags.policyStatements) : undefined;
      const { picture, ok } = await runGraph(readDefinition(file), flags, extraStatements);
      process.stdout.write(picture);
      setExitCode(ok ? EXIT_OK : EXIT_DEFINITION_ERRORS);
    });
}
