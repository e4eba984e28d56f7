/**
 * Every picture read back by the real parser of its format: Mermaid by mermaid's own flowchart parser
 * (in jsdom, which its sanitizer needs), DOT by Graphviz (compiled to WebAssembly), SVG by jsdom's
 * strict XML parser. Over every definition the tests have (examples, CLI fixtures, the structural
 * conformance cases, one task per optimized integration and pattern) and over hostile state names:
 * each parses, has as many nodes, edges and groups as the model, and reads back the model's text.
 * The model itself is held to the definition: one node per state, one edge per transition.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import fc from "fast-check";
import { JSDOM } from "jsdom";
import { analyze } from "../../provider/src/analysis/analyze";
import { defaultGraphResources } from "../../provider/src/components/graphResources";
import { buildGraph } from "../../provider/src/graph/build";
import { renderDot } from "../../provider/src/graph/dot";
import { renderMermaid } from "../../provider/src/graph/mermaid";
import type { EdgeKind, GraphModel } from "../../provider/src/graph/model";
import { renderSvg } from "../../provider/src/graph/svg";
import type { WorkflowType } from "../../provider/src/model/types";
import { CASES } from "./conformance/structureCases";
import { ALL_PATTERNS, callbackArgs, INTEGRATION_CASES, SUFFIX, taskDefinition } from "./integration-cases";
import { approvalDefinition, quoteDefinition } from "../support/definitions";
import { hostile, machineOf, NESTED, plannedMachine } from "../support/graphDefinitions";

const ROOT = join(__dirname, "..", "..");

interface Sample {
  name: string;
  definition: unknown;
  type?: WorkflowType;
}

const files = (dir: string, pattern: RegExp): Sample[] =>
  readdirSync(join(ROOT, dir))
    .filter((file) => pattern.test(file))
    .map((file) => ({ name: `${dir}/${file}`, definition: readFileSync(join(ROOT, dir, file), "utf8") }));

/** Names each format treats specially, and names no format expects. */
const HOSTILE_NAMES = [
  `Say "hi" it's`,
  "a --> b",
  "a ==> b -.-> c --- d",
  "x;y",
  "<script>alert(1)</script>",
  "<br/>",
  "&amp; &lt; &#60; #60; #quot;",
  "[square] (round) {curly} ((circle)) >flag] [/lean/]",
  "|pipe|",
  "`code` ``",
  "end",
  "subgraph",
  "classDef",
  "style n0 fill:#f00",
  "click n0 call alert()",
  "%% comment",
  "@{ shape: rect }",
  "classDef x fill:#fff;",
  "__proto__",
  "constructor",
  "toString",
  "n0:::error",
  "C:\\path\\N \\n \\l \\G \\\\",
  "]]> <!-- --> <?xml?>",
  "日本語 ü 🚀 \u{1f468}\u200d\u{1f469}\u200d\u{1f467}",
  "right\u202eto left \u200b zero\u00a0width",
  "line\u2028separator\u2029paragraph",
  "tab\tnew\nline\u0000nul\u007f",
  "lone \ud800 surrogate",
  "x".repeat(2000),
];

/** A chain through every hostile name: Choice rules, Catch and Retry naming them too, and one nested Parallel. */
function hostileChain(names: string[]): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  names.forEach((name, i) => {
    const next = names[i + 1];
    states[name] =
      i % 3 === 0 && next !== undefined
        ? { Type: "Choice", Choices: [{ Variable: "$.v", StringEquals: name, Next: next }], Default: next }
        : i % 3 === 1
          ? {
              Type: "Task",
              Resource: "arn:aws:states:::lambda:invoke",
              Parameters: { FunctionName: "f" },
              Retry: [{ ErrorEquals: [name] }],
              Catch: [{ ErrorEquals: [name], Next: names[0] }],
              ...(next === undefined ? { End: true } : { Next: next }),
            }
          : {
              Type: "Parallel",
              Branches: [{ StartAt: name, States: { [name]: { Type: "Pass", End: true } } }],
              ...(next === undefined ? { End: true } : { Next: next }),
            };
  });
  return { StartAt: names[0], States: states };
}

const SAMPLES: Sample[] = [
  ...files("examples/definitions", /\.json$/).map((sample) => ({
    ...sample,
    type: sample.name.includes("quote") || sample.name.includes("express") ? ("EXPRESS" as const) : undefined,
  })),
  ...files("examples/serve", /\.json$/).map((sample) => ({ ...sample, type: "EXPRESS" as const })),
  ...files("tests/fixtures/cli", /\.asl\.json$|\.txt$/),
  { name: "approval", definition: approvalDefinition() },
  { name: "quote", definition: quoteDefinition(), type: "EXPRESS" },
  { name: "nested", definition: NESTED },
  { name: "hostile", definition: hostile },
  { name: "hostile names", definition: hostileChain(HOSTILE_NAMES) },
  ...CASES.flatMap((c, i) => [
    { name: `conformance ${i} ${c.rule} valid`, definition: c.valid },
    { name: `conformance ${i} ${c.rule} invalid`, definition: c.invalid },
  ]),
  ...INTEGRATION_CASES.flatMap((c) =>
    ALL_PATTERNS.filter((pattern) => c.patterns.includes(pattern)).map((pattern) => ({
      name: `${c.integration}${SUFFIX[pattern]}`,
      definition: taskDefinition(`arn:aws:states:::${c.integration}${SUFFIX[pattern]}`, pattern === "callback" ? callbackArgs(c) : c.args),
    })),
  ),
];

function graphOf({ definition, type }: Sample): { model: GraphModel; parsed: unknown } {
  const analysis = analyze(definition, { workflowType: type ?? "STANDARD" });
  return { model: buildGraph(analysis, defaultGraphResources(analysis)), parsed: analysis.definition };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** What the definition itself says, counted without the graph code: its states, and its transitions by kind. */
function countDefinition(machine: unknown, counts = { states: 0, edges: new Map<EdgeKind, number>() }) {
  const add = (kind: EdgeKind, n = 1) => counts.edges.set(kind, (counts.edges.get(kind) ?? 0) + n);
  if (!isObject(machine) || !isObject(machine.States)) return counts;
  for (const state of Object.values(machine.States)) {
    if (!isObject(state)) continue;
    counts.states++;
    if (state.Next !== undefined) add("next");
    add("choice", list(state.Choices).filter((rule) => isObject(rule) && rule.Next !== undefined).length);
    if (state.Type === "Choice" && state.Default !== undefined) add("default");
    add("retry", list(state.Retry).filter(isObject).length);
    add("catch", list(state.Catch).filter((catcher) => isObject(catcher) && catcher.Next !== undefined).length);
    if (state.Type === "Parallel") {
      for (const branch of list(state.Branches)) {
        if (isObject(branch) && isObject(branch.States)) add("branch");
        countDefinition(branch, counts);
      }
    }
    const processor = state.ItemProcessor ?? state.Iterator;
    if (state.Type === "Map" && isObject(processor) && isObject(processor.States)) {
      add("items");
      countDefinition(processor, counts);
    }
  }
  return counts;
}

const TRANSITIONS: EdgeKind[] = ["next", "choice", "default", "retry", "catch", "branch", "items"];

/**
 * A Mermaid label as the browser shows it. The parser keeps entity codes in an internal form (`#34;`
 * as `ﬂ°°34¶ß`) and hands labels over as HTML (sanitized, so a no-break space reads `&nbsp;`); drawing
 * turns the codes into `&#34;` and the browser decodes the HTML, as jsdom does here.
 */
function mermaidLines(text: string): string[] {
  const element = (globalThis as unknown as { document: Document }).document.createElement("span");
  return text.split("<br>").map((line) => {
    element.innerHTML = line.replace(/ﬂ°°(\d+)¶ß/g, "&#$1;");
    return element.textContent ?? "";
  });
}

/** A DOT string's escapes as Graphviz draws them: `\n` a line break, `\\` and `\"` the character, `&amp;` `&`. */
const dotLines = (text: string) =>
  text
    .split(/(?<!\\)((?:\\\\)*)\\n/)
    .reduce<string[]>((lines, part, i) => {
      if (i % 2) lines[lines.length - 1] += part;
      else lines.push(part);
      return lines;
    }, [])
    .map((line) => line.replace(/\\(.)/gu, "$1").replace(/&amp;/g, "&"));

const visibleEdges = <T extends { style?: string }>(edges: T[]) => edges.filter((e) => e.style !== "invis");

/** Text as a picture shows it: control characters as spaces (whitespace) or U+FFFD, like lone surrogates. */
const shown = (text: string) =>
  text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    // eslint-disable-next-line no-control-regex -- replacing them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (/\s/.test(c) ? " " : "\ufffd"));

const XLINK = "http://www.w3.org/1999/xlink";
/** Graphviz writes elements in its own order: sort by the ids the DOT gives them (`e2` before `e10`). */
const byId = (a: string[], b: string[]) => Number(a[0].slice(1)) - Number(b[0].slice(1));

/**
 * Text as the SVG holds it: Graphviz writes a run of spaces as a space and no-break spaces, so that it
 * shows; both draw the same, so a no-break space counts as a space on both sides of a comparison.
 */
const drawn = (text: string) => shown(text).replace(/\u00a0/g, " ");
const svgLines = (element: Element) => [...element.querySelectorAll("text")].map((t) => drawn(t.textContent!));

/** The text a node shows: its title, then its lines. */
const nodeText = (model: GraphModel, id: string) => {
  const node = model.nodes.find((n) => n.id === id)!;
  return [node.title, ...node.lines].map(shown);
};

describe("graph output read back by each format's own parser", function () {
  this.timeout(300_000);
  let mermaid: typeof import("mermaid").default;
  let graphviz: Graphviz;
  const graphs = SAMPLES.map((sample) => ({ sample, ...graphOf(sample) }));

  before(async () => {
    // mermaid sanitizes labels with DOMPurify, which needs a DOM; jsdom gives it one.
    const { window } = new JSDOM("");
    Object.assign(globalThis, { window, document: window.document });
    mermaid = (await import("mermaid")).default;
    // Registers the diagram types, which mermaid otherwise does on the first parse().
    await mermaid.parse("flowchart TD\n  a --> b");
    graphviz = await Graphviz.load();
  });

  it(`covers ${SAMPLES.length} definitions, and the model has one node per state and one edge per transition`, () => {
    assert.ok(SAMPLES.length > 150, String(SAMPLES.length));
    for (const { sample, model, parsed } of graphs) {
      const counts = countDefinition(parsed);
      assert.equal(model.nodes.filter((n) => n.kind === "state").length, counts.states, sample.name);
      for (const kind of TRANSITIONS)
        assert.equal(model.edges.filter((e) => e.kind === kind).length, counts.edges.get(kind) ?? 0, `${sample.name}: ${kind} edges`);
      assert.equal(model.edges.filter((e) => e.kind === "start").length, parsed === undefined ? 0 : 1, sample.name);
    }
  });

  it("Mermaid: mermaid's flowchart parser reads every node, edge and subgraph with its text", async () => {
    for (const { sample, model } of graphs) {
      const text = renderMermaid(model);
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text).catch((error: Error) => {
        throw new Error(`${sample.name}: ${error.message}\n${text}`);
      });
      const db = diagram.db as unknown as {
        getVertices(): Map<string, { id: string; text: string }>;
        getEdges(): Array<{ start: string; end: string; text: string }>;
        getSubGraphs(): Array<{ id: string; title: string; nodes: string[] }>;
      };
      const vertices = [...db.getVertices().values()];
      assert.deepEqual(vertices.map((v) => v.id).sort(), model.nodes.map((n) => n.id).sort(), sample.name);
      for (const vertex of vertices) assert.deepEqual(mermaidLines(vertex.text), nodeText(model, vertex.id), sample.name);
      assert.deepEqual(
        db.getEdges().map((e) => [e.start, e.end, mermaidLines(e.text).join("\n")]),
        model.edges.map((e) => [e.from, e.to, shown(e.label ?? "")]),
        sample.name,
      );
      assert.deepEqual(
        db
          .getSubGraphs()
          .map((g) => [g.id, mermaidLines(g.title).join("\n")])
          .sort(),
        model.groups.map((g) => [g.id, shown(g.label)]).sort(),
        sample.name,
      );
    }
  });

  it("DOT: Graphviz lays out every node, edge and cluster with its label", () => {
    for (const { sample, model } of graphs) {
      const text = renderDot(model);
      let json: string;
      try {
        json = graphviz.layout(text, "json", "dot");
      } catch (error) {
        throw new Error(`${sample.name}: ${(error as Error).message}\n${text}`, { cause: error });
      }
      const graph = JSON.parse(json) as {
        objects?: Array<{ name: string; label: string }>;
        edges?: Array<{ tail: number; head: number; label?: string; style?: string }>;
      };
      const objects = graph.objects ?? [];
      const clusters = objects.filter((o) => o.name.startsWith("cluster_"));
      const nodes = objects.filter((o) => !o.name.startsWith("cluster_"));
      assert.deepEqual(nodes.map((n) => n.name).sort(), model.nodes.map((n) => n.id).sort(), sample.name);
      for (const node of nodes) assert.deepEqual(dotLines(node.label), nodeText(model, node.name), `${sample.name}: ${node.name}`);
      assert.deepEqual(
        clusters.map((c) => [c.name, dotLines(c.label).join("\n")]).sort(),
        model.groups.map((g) => [`cluster_${g.id}`, shown(g.label)]).sort(),
        sample.name,
      );
      const nameOf = (gvid: number) => objects.find((o) => (o as { _gvid?: number })._gvid === gvid)!.name;
      assert.deepEqual(
        // Invisible edges only rank what follows a Parallel or Map below it (see dot.ts).
        visibleEdges(graph.edges ?? []).map((e) => [nameOf(e.tail), nameOf(e.head), dotLines(e.label ?? "").join("\n")]),
        model.edges.map((e) => [e.from, e.to, shown(e.label ?? "")]),
        sample.name,
      );
    }
  });

  it("SVG: a strict XML parser reads one element per node, edge and group, with their text", async () => {
    for (const { sample, model } of graphs) {
      const text = await renderSvg(model);
      let document: Document;
      try {
        document = new JSDOM(text, { contentType: "image/svg+xml" }).window.document;
      } catch (error) {
        throw new Error(`${sample.name}: ${(error as Error).message}`, { cause: error });
      }
      const nodes = [...document.querySelectorAll("g.node")];
      assert.deepEqual(nodes.map((n) => n.id).sort(), model.nodes.map((n) => n.id).sort(), sample.name);
      for (const node of nodes) assert.deepEqual(svgLines(node), nodeText(model, node.id).map(drawn), `${sample.name}: ${node.id}`);
      const states = model.nodes.filter((n) => n.path !== undefined);
      assert.deepEqual(
        states.map((n) => document.getElementById(n.id)!.querySelector("a")!.getAttributeNS(XLINK, "title")!).map(drawn),
        states.map((n) => drawn(n.path!)),
        `${sample.name}: a state's path is its tooltip`,
      );
      assert.deepEqual(
        [...document.querySelectorAll("g.edge")].map((g) => [g.id, g.classList[1], svgLines(g).join("\n")]).sort(byId),
        model.edges.map((e, i) => [`e${i}`, e.kind, drawn(e.label ?? "")]),
        sample.name,
      );
      assert.deepEqual(
        [...document.querySelectorAll("g.group")].map((g) => [g.id, g.classList[2], svgLines(g).join("\n")]).sort(byId),
        model.groups.map((g) => [g.id, g.kind, drawn(g.label)]),
        sample.name,
      );
      assert.equal(document.querySelectorAll("script").length, 0, sample.name);
    }
  });

  it("Graphviz draws random nested machines (Parallel and Map three deep, Catch and Choice loops): every node, group and edge", async () => {
    await fc.assert(
      fc.asyncProperty(plannedMachine(3), async (plan) => {
        const { model } = graphOf({ name: "random machine", definition: machineOf(plan) });
        const svg = new JSDOM(await renderSvg(model), { contentType: "image/svg+xml" }).window.document;
        const ids = (selector: string) => [...svg.querySelectorAll(selector)].map((element) => element.id).sort();
        assert.deepEqual(ids("g.node"), model.nodes.map((n) => n.id).sort());
        assert.deepEqual(ids("g.group"), model.groups.map((g) => g.id).sort());
        assert.deepEqual(ids("g.edge"), model.edges.map((_, i) => `e${i}`).sort());
      }),
      { numRuns: 60 },
    );
  });

  it("random state names survive all three parsers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ unit: "binary", minLength: 1, maxLength: 30 }), { minLength: 2, maxLength: 5 }),
        async (names) => {
          const { model } = graphOf({ name: "random", definition: hostileChain(names) });
          await mermaid.mermaidAPI.getDiagramFromText(renderMermaid(model));
          const dot = JSON.parse(graphviz.layout(renderDot(model), "json", "dot")) as {
            objects: unknown[];
            edges: Array<{ style?: string }>;
          };
          assert.equal(dot.objects.length, model.nodes.length + model.groups.length);
          assert.equal(visibleEdges(dot.edges).length, model.edges.length);
          const svg = new JSDOM(await renderSvg(model), { contentType: "image/svg+xml" }).window.document;
          assert.equal(svg.querySelectorAll("g.node").length, model.nodes.length);
          const states = model.nodes.filter((n) => n.kind === "state");
          assert.equal(svg.querySelectorAll("g.node.state").length, states.length);
          const titles = states.map((n) => svgLines(svg.getElementById(n.id)!)[0]);
          assert.deepEqual(
            titles,
            states.map((n) => drawn(n.title)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
