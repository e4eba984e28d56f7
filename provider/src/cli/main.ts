#!/usr/bin/env node
/** The `sfn-workflows` command line: argument parsing and where output goes; the work is in check.ts and the formatters. */
import "../compileCache";
import { Command, CommanderError, Option } from "commander";
import { checkFile, exitCode, isUnreadable, readOptionFiles, type CheckOptions, type FileResult } from "./check";
import { CliError, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, formatCliError } from "./errors";
import { expandFiles } from "./files";
import { formatHuman, formatSummary, shouldColor } from "./human";
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
  $ sfn-workflows check order.asl.json refund.asl.json 'defs/**/*.asl.json'
  $ sfn-workflows check order.asl.json --type EXPRESS
  $ sfn-workflows check order.asl.json --region us-east-1 --account 123456789012 --json
  $ sfn-workflows check order.asl.json --policy-statements key-statements.json
  $ cat order.asl.json | sfn-workflows check -

Patterns (*, **, ?, [abc], {a,b}) are expanded by sfn-workflows itself: quote them so that every
shell passes them as written. Options apply to every file.
Without --region and --account, ARNs in the policy contain \${AWS::Region} and \${AWS::AccountId}.
The --policy-statements file holds your own statements for the role, as a Workflow's policyStatements:
a JSON list [{"Effect": "Allow", "Action": [...], "Resource": [...]}] or a policy document
{"Version": "2012-10-17", "Statement": [...]}. A warning they answer (kms-key-unknown) is not reported.

Exit codes (the worst over all files):
  0  every definition has no errors (warnings allowed)
  1  a definition has errors (including JSON that does not parse)
  2  usage error, or a file that cannot be read (the other files are still checked)`;

/** Checks each file in turn; the human reports are printed as they come, the JSON object at the end. */
function check(args: string[], flags: CheckFlags): number {
  const files = expandFiles(args);
  const optionFiles = readOptionFiles(files, flags);
  const color = shouldColor(process.stdout.isTTY, process.env);
  const results: FileResult[] = [];
  let separator = "";
  for (const file of files) {
    const result = checkFile(file, flags, optionFiles);
    results.push(result);
    if (isUnreadable(result)) {
      process.stderr.write(formatCliError(result.error));
    } else if (!flags.json) {
      process.stdout.write(`${separator}${formatHuman(result, { color })}`);
      separator = "\n";
    }
  }
  if (flags.json) process.stdout.write(formatJson(results));
  else if (results.length > 1) process.stdout.write(`${separator}${formatSummary(results)}`);
  return exitCode(results);
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
      "Analyse definition files (Amazon States Language JSON): print errors, warnings, integrations and the execution role policy of each.",
    )
    .showHelpAfterError("(run 'sfn-workflows check --help' for usage)")
    .argument("<files...>", 'definition files (Amazon States Language JSON) or quoted glob patterns; "-" alone reads standard input')
    .addOption(
      new Option("--type <type>", "workflow type the definitions run as")
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
    .option(
      "--policy-statements <file>",
      "JSON file of your own IAM statements for the role, as a Workflow's policyStatements (a list, or a policy document)",
    )
    .option("--json", "print one JSON object (schemaVersion, ok, files, unreadable; see docs/cli.md) instead of the reports")
    .addHelpText("after", CHECK_HELP)
    .action((files: string[], flags: CheckFlags) => setExitCode(check(files, flags)));
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
      process.stderr.write(formatCliError(error));
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
