/** The package version, from provider/package.json (two levels up from src/cli and bin/cli alike). */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return manifest.version;
}
