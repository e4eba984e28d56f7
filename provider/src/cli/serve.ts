/** `sfn-workflows serve`: the sync endpoint on localhost, backed by LocalStack (docs/engines.md). */
import * as fs from "node:fs";
import { type Command, Option } from "commander";
import type { ServeOptions } from "../local/serve";
import { CliError, EXIT_DEFINITION_ERRORS, EXIT_USAGE } from "./errors";

interface ServeFlags {
  port: string;
  path: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  sub: string[];
  status: string[];
}

const SERVE_HELP = `
Examples:
  $ sfn-workflows serve quote.asl.json --path /quote --port 3000 --status Quote.Invalid=422
  $ curl localhost:3000/quote -H 'Content-Type: application/json' -d '{"sku": "A-1"}'
  $ sfn-workflows serve quote.asl.json --sub PricingFunction=arn:aws:lambda:us-east-1:000000000000:function:price
  $ sfn-workflows serve index.js        (a Pulumi program: every sync endpoint it declares)

A definition runs as an EXPRESS workflow behind the package's REST endpoint, with the request and
response templates a deployment gets. The file is watched: saving it reloads. Ctrl-C stops.
Needs LocalStack, installed once by the command printed when it is missing.

Exit codes:
  0  stopped by a signal
  1  the definition (or program) has errors
  2  usage error, a file that cannot be read, or LocalStack missing or not starting`;

const collect = (value: string, previous: string[]) => [...previous, value];

function pairs(option: string, values: string[], example: string): Array<[string, string]> {
  return values.map((pair) => {
    const at = pair.indexOf("=");
    if (at < 1) throw new CliError(`${option} "${pair}" is not NAME=VALUE`, `for example ${option} ${example}`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}

function statuses(values: string[]): Record<string, number> {
  return Object.fromEntries(
    pairs("--status", values, "Quote.Invalid=422").map(([name, status]) => {
      if (!/^[1-5]\d\d$/.test(status))
        throw new CliError(`--status ${name}=${status}: ${status} is not an HTTP status`, "for example --status Quote.Invalid=422");
      return [name, Number(status)];
    }),
  );
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port ${value} is not a port (0-65535; 0 picks a free one)`);
  return port;
}

/** Reports why serving failed on stderr; answers the exit code. */
async function failure(error: unknown): Promise<number> {
  const [{ EngineMissingError }, { InputError }] = await Promise.all([import("../local/localstack"), import("../components/errors")]);
  if (error instanceof EngineMissingError) {
    process.stderr.write(`error: ${error.message}\nhint: install it with\n  ${error.installCommand}\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(`error: ${(error as Error).message}\n`);
  return error instanceof InputError ? EXIT_DEFINITION_ERRORS : EXIT_USAGE;
}

/** Checks the arguments now, so that usage errors are reported like any other command's. */
function serveOptions(file: string, flags: ServeFlags): ServeOptions {
  if (!fs.existsSync(file))
    throw new CliError(`"${file}" does not exist`, `check the path; relative paths are resolved from ${process.cwd()}`);
  return {
    file,
    port: parsePort(flags.port),
    path: flags.path,
    method: flags.method,
    substitutions: Object.fromEntries(pairs("--sub", flags.sub, "QuotesTable=quotes")),
    errorStatusCodes: statuses(flags.status),
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

async function serve(options: ServeOptions): Promise<void> {
  // Loaded here, not at the top: the server brings in Pulumi and the AWS provider, which every other
  // command (check, graph) would otherwise load at start-up for nothing.
  const { LocalServer } = await import("../local/serve");
  const server = new LocalServer(options);
  // Listening (not once) keeps the engine's own signal handler from raising the signal again.
  const stop = () => void server.stop().then(() => process.exit(0));
  const listen = (on: boolean) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      if (on) process.on(signal, stop);
      else process.removeListener(signal, stop);
    }
  };
  listen(true);
  try {
    await server.start();
  } catch (error) {
    listen(false);
    await server.stop();
    process.exitCode = await failure(error);
    return;
  }
  const lines = server.routes.map((route) => `  ${route.method} http://localhost:${server.port}${route.path}`);
  process.stdout.write(
    `serving ${options.file} on LocalStack (${server.engineEndpoint})\n${lines.join("\n")}\nwatching ${options.file}; Ctrl-C stops\n`,
  );
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("Run the sync endpoint of a definition or Pulumi program on localhost, backed by LocalStack.")
    .showHelpAfterError("(run 'sfn-workflows serve --help' for usage)")
    .argument("<file>", "a definition (.json, run as EXPRESS) or a Pulumi program (.js, .ts) with sync endpoints")
    .option("--port <port>", "port on localhost (0 picks a free one)", "3000")
    .option("--path <path>", "route of a definition's endpoint", "/")
    .addOption(
      new Option("--method <method>", "method of a definition's endpoint")
        .choices(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .default("POST"),
    )
    .option("--sub <KEY=VALUE>", "a ${KEY} placeholder's value in a definition (repeatable)", collect, [])
    .option("--status <ERROR=STATUS>", "HTTP status for a failed execution's error name (repeatable; ERROR may end in *)", collect, [])
    .addHelpText("after", SERVE_HELP)
    .action((file: string, flags: ServeFlags) => void serve(serveOptions(file, flags)));
}
