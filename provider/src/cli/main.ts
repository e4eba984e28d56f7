#!/usr/bin/env node
/** The `sfn-workflows` command line: argument parsing only; the work is in check.ts and the formatters. */
import { Command, CommanderError, Option } from "commander";
import { runCheck, type CheckOptions } from "./check";
import { CliError, EXIT_DEFINITION_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from "./errors";
import { formatHuman, shouldColor } from "./human";
import { registerGraph } from "./graph";
import { formatJson } from "./json";
import { parseAccount, parsePartition, parseRegion, parseWorkflowType, WORKFLOW_TYPES } from "./options";
import { registerServe } from "./serve";
import { packageVersion } from "./version";

interface CheckFlags extends CheckOptions {
  json?: boolean;
}

const CHECK_HELP = `
Examples:
  $ sfn-workflows check order.asl.json
  $ sfn-workflows check order.asl.json --type EXPRESS
  $ sfn-workflows check order.asl.json --region us-east-1 --account 123456789012 --json
  $ cat order.asl.json | sfn-workflows check -

Without --region and --account, ARNs in the policy contain \${AWS::Region} and \${AWS::AccountId}.

Exit codes:
  0  the definition has no errors (warnings allowed)
  1  the definition has errors (including JSON that does not parse)
  2  usage error, or a file that cannot be read`;

function check(file: string, flags: CheckFlags): number {
  const outcome = runCheck(file, flags);
  process.stdout.write(flags.json ? formatJson(outcome) : formatHuman(outcome, { color: shouldColor(process.stdout.isTTY, process.env) }));
  return outcome.report.ok ? EXIT_OK : EXIT_DEFINITION_ERRORS;
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command("sfn-workflows")
    .description(
      "Checks AWS Step Functions state machine definitions, derives their execution role's least-privilege policy, and draws them.",
    )
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .showHelpAfterError("(run 'sfn-workflows --help' for usage)");
  program
    .command("check")
    .description(
      "Analyse a definition file (Amazon States Language JSON): print errors, warnings, integrations and the execution role policy.",
    )
    .showHelpAfterError("(run 'sfn-workflows check --help' for usage)")
    .argument("<file>", 'definition file (Amazon States Language JSON); "-" reads standard input')
    .addOption(
      new Option("--type <type>", "workflow type the definition runs as")
        .choices(WORKFLOW_TYPES)
        .default("STANDARD")
        .argParser(parseWorkflowType),
    )
    .addOption(new Option("--region <region>", "region for ARNs in the policy (default: ${AWS::Region})").argParser(parseRegion))
    .addOption(new Option("--account <account>", "account ID for ARNs in the policy (default: ${AWS::AccountId})").argParser(parseAccount))
    .addOption(new Option("--partition <partition>", "partition for ARNs in the policy").default("aws").argParser(parsePartition))
    .option(
      "--integrations <file>",
      'JSON file of integrations the built-in table does not know: {"service:action": {"patterns", "statements"}}',
    )
    .option("--json", "print one JSON object (ok, workflowType, errors, warnings, integrations, policy) instead of the report")
    .addHelpText("after", CHECK_HELP)
    .action((file: string, flags: CheckFlags) => setExitCode(check(file, flags)));
  registerGraph(program, setExitCode);
  registerServe(program);
  return program;
}

/** Runs the CLI; returns the exit code. Messages for usage and I/O errors go to stderr. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  try {
    await buildProgram((code) => (exitCode = code)).parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    // Commander has already printed its message; --help and --version exit with 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`);
      return EXIT_USAGE;
    }
    process.stderr.write(`internal error: ${(error as Error).stack ?? String(error)}\nThis is a bug in sfn-workflows; please report it.\n`);
    return EXIT_INTERNAL;
  }
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
