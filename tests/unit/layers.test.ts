/**
 * Inside provider/src data flows one way: ASL model <- integration table <- analysis <- graph <- components
 * <- local engines (and the CLI and plugin on top). A module may import its own layer or a lower one, never a
 * higher one; the layers below the components never import Pulumi. Scans the import statements.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.join(__dirname, "../../provider/src");

/** Lowest first; top-level files without their extension. Anything of provider/src not listed fails the test. */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ["model"],
  ["integrations"],
  ["analysis"],
  ["graph"],
  ["components", "schema-types"],
  // Running the components locally (LocalStack, `serve`).
  ["local"],
  // The two entry points, and the start-up both import first.
  ["cli", "plugin", "compileCache"],
  ["index"],
];

/** The layer rank of a file under provider/src, or undefined when no layer claims it. */
function rankOf(file: string): number | undefined {
  const top = path
    .relative(SRC, file)
    .split(path.sep)[0]
    .replace(/\.(ts|js)$/, "");
  const rank = LAYERS.findIndex((names) => names.includes(top));
  return rank < 0 ? undefined : rank;
}

/** Module specifiers of static imports, re-exports, `import("x")` and `require("x")`. */
function importSpecifiers(source: string): string[] {
  const forms = [
    /\b(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return forms.flatMap((form) => Array.from(source.matchAll(form), (match) => match[1]));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".generated.js") ? [full] : [];
  });
}

interface Violation {
  file: string;
  imports: string;
}

/** Imports that go to a higher layer, or to Pulumi from below the components. */
function violations(file: string, source: string): Violation[] {
  const rank = rankOf(file);
  const componentsRank = rankOf(path.join(SRC, "components"))!;
  const found: Violation[] = [];
  for (const specifier of importSpecifiers(source)) {
    const relative = path.relative(SRC, file);
    if (specifier.startsWith(".")) {
      const targetRank = rankOf(path.resolve(path.dirname(file), specifier));
      if (rank === undefined || targetRank === undefined || targetRank > rank) found.push({ file: relative, imports: specifier });
    } else if (specifier.startsWith("@pulumi/") && rank !== undefined && rank < componentsRank) {
      found.push({ file: relative, imports: specifier });
    }
  }
  return found;
}

describe("one-way layers in provider/src", () => {
  const files = sourceFiles(SRC);

  it("every top-level file and directory of provider/src belongs to a layer", () => {
    assert.deepEqual(
      files.filter((file) => rankOf(file) === undefined).map((file) => path.relative(SRC, file)),
      [],
    );
  });

  it("no module imports a higher layer, and nothing below the components imports Pulumi", () => {
    const found = files.flatMap((file) => violations(file, fs.readFileSync(file, "utf8")));
    assert.deepEqual(found, []);
  });

  it("the scan sees the imports it must judge", () => {
    // Each form the scanner reads, so a scanner that finds nothing cannot pass the test above.
    const source = [
      'import type { X } from "../analysis/types";',
      'import {\n  a,\n  b,\n} from "../components/plan";',
      'export { c } from "../cli/check";',
      'import "../plugin/main";',
      'const d = require("../index");',
      'const e = await import("@pulumi/pulumi");',
    ].join("\n");
    assert.deepEqual(
      violations(path.join(SRC, "integrations/example.ts"), source).map((v) => v.imports),
      ["../analysis/types", "../components/plan", "../cli/check", "../plugin/main", "../index", "@pulumi/pulumi"],
    );
    assert.deepEqual(violations(path.join(SRC, "analysis/example.ts"), 'import { TaskArgs } from "../model/taskArgs";'), []);
    assert.ok(
      files.some((file) => importSpecifiers(fs.readFileSync(file, "utf8")).includes("../model/types")),
      "the real sources import the model",
    );
  });
});
