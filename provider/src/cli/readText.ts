/**
 * Reads one input file of the CLI, or standard input, safely: only regular files (a named pipe
 * or a device would block or never end), and never more than READ_LIMIT_BYTES.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { resolve } from "node:path";
import { MAX_DEFINITION_BYTES } from "../analysis/parse";
import { CliError } from "./errors";

/** The argument that means "read standard input". */
export const STDIN = "-";

/**
 * Step Functions accepts 1 MiB; four times that is read, so that a definition a little too large
 * is reported by the analysis (rule definition-too-large) with its size, and nothing larger is read.
 */
export const READ_LIMIT_BYTES = 4 * MAX_DEFINITION_BYTES;

/** What a path is, when it is not a regular file. */
function notAFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "a special file";
}

/** How messages name the input: `definition file "order.json"`, or `standard input`. */
const subject = (what: string, file: string) => (file === STDIN ? "standard input" : `${what} "${file}"`);

function refuse(name: string, kind: string): CliError {
  return kind === "a directory"
    ? new CliError(`${name} is a directory`, "pass the path of a JSON file")
    : new CliError(
        `${name} is ${kind}, not a regular file`,
        "pass a regular file; to read a pipe or a device, redirect it to standard input and pass - instead",
      );
}

/** A readable reason for a failed read, with a hint on how to fix it. */
function readError(name: string, error: NodeJS.ErrnoException): CliError {
  switch (error.code) {
    case "ENOENT":
      return new CliError(`${name} does not exist`, `check the path; relative paths are resolved from ${process.cwd()}`);
    case "EACCES":
    case "EPERM":
      return new CliError(`${name} cannot be read: permission denied`, "check the file's permissions");
    default:
      return new CliError(`${name} cannot be read: ${error.message}`);
  }
}

/** Reads fd to its end, or throws when it holds more than READ_LIMIT_BYTES. */
function readLimited(fd: number, name: string): Buffer {
  const buffer = Buffer.allocUnsafe(READ_LIMIT_BYTES + 1);
  let length = 0;
  for (;;) {
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
    if (length > READ_LIMIT_BYTES) {
      throw new CliError(
        `${name} is larger than ${READ_LIMIT_BYTES} bytes (4 MiB) and was not read`,
        `Step Functions accepts definitions of at most ${MAX_DEFINITION_BYTES} bytes (1 MiB)`,
      );
    }
  }
}

function readBytes(name: string, file: string): Buffer {
  if (file === STDIN) return readLimited(0, name);
  const path = resolve(file);
  const kind = notAFile(statSync(path));
  if (kind) throw refuse(name, kind);
  // Non-blocking, and checked again once open: a path swapped for a named pipe in between must not hang the open.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const openKind = notAFile(fstatSync(fd));
    if (openKind) throw refuse(name, openKind);
    return readLimited(fd, name);
  } finally {
    closeSync(fd);
  }
}

/** The text of FILE (or standard input for `-`); throws CliError when it cannot be read. */
export function readText(what: string, file: string): string {
  const name = subject(what, file);
  let text: string;
  try {
    text = readBytes(name, file).toString("utf8");
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw readError(name, error as NodeJS.ErrnoException);
  }
  // Editors on Windows may start the file with a byte order mark, which JSON.parse rejects.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Standard input can be read once: a usage error when several inputs (named as on the command line) are `-`. */
export function standardInputOnce(inputs: Record<string, string | undefined>): void {
  const readers = Object.keys(inputs).filter((name) => inputs[name] === STDIN);
  if (readers.length < 2) return;
  const both = readers.length === 2;
  throw new CliError(
    `${readers.slice(0, -1).join(", ")} and ${readers[readers.length - 1]} ${both ? "both" : "all"} ask for standard input`,
    `pass ${both ? "one" : "all but one"} of them as a file path`,
  );
}
