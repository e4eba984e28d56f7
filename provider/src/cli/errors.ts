/** Errors the CLI reports on stderr with exit code 2: bad usage or a file it cannot read. */

export const EXIT_OK = 0;
/** The definition has errors (including JSON that does not parse). */
export const EXIT_DEFINITION_ERRORS = 1;
/** Bad usage (unknown option, bad value, missing FILE) or an input file that cannot be read. */
export const EXIT_USAGE = 2;
/** A bug in sfn-workflows itself. */
export const EXIT_INTERNAL = 3;

export class CliError extends Error {
  /** @param hint how to fix it, printed on its own line after the message */
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** How a CliError reads on stderr: the message, then the hint on its own line. */
export const formatCliError = (error: CliError): string => `error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`;
