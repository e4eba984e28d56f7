/**
 * `sfn-workflows graph` and the graph model: every state, edge, group and mark of the examples and
 * of nested Parallel/Map/Distributed Map definitions, in Mermaid, DOT and SVG, with hostile names.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { analyze } from "../../provider/src/analysis/analyze";
import { defaultGraphResources } from "../../provider/src/components/graphResources";
import { buildGraph } from "../../provider/src/graph/build";
import { LARGE_GRAPH_NODES, renderDot } from "../../provider/src/graph/dot";
import { renderMermaid } from "../../provider/src/graph/mermaid";
import type { GraphModel } from "../../provider/src/graph/model";
import { renderSvg } from "../../provider/src/graph/svg";
import type { WorkflowType } from "../../provider/src/model/types";
import { hostile, NESTED } from "../support/graphDefinitions";

const ROOT = join(__dirname, "..", "..");
const example = (name: string) => readFileSync(join(ROOT, "examples", "definitions", `${name}.asl.json`), "utf8");

function graphOf(definition: unknown, workflowType: WorkflowType = "STANDARD"): GraphModel {
  const analysis = analyze(definition, { workflowType });
  return buildGraph(analysis, defaultGraphResources(analysis));
}

/** Edges as `from -kind[label]-> to`, by node title, sorted: what a reader sees, independent of ids. */
function edgeList(model: GraphModel): string[] {
  const title = (id: string) => model.nodes.find((node) => node.id === id)!.title;
  return model.edges
    .map((edge) => `${title(edge.from)} -${edge.kind}${edge.label !== undefined ? `[${edge.label}]` : ""}-> ${title(edge.to)}`)
    .sort();
}

const node = (model: GraphModel, title: string) => {
  const found = model.nodes.filter((n) => n.title === title);
  assert.equal(found.length, 1, `one node titled ${title}`);
  return found[0];
};
const groupPath = (model: GraphModel, groupId: string | undefined): string[] => {
  const group = model.groups.find((g) => g.id === groupId);
  return group ? [...groupPath(model, group.parent), group.label] : [];
};

/** Text of every <text> element, in document order. */
function svgTexts(svg: string): string[] {
  const texts: string[] = [];
  const visit = (value: unknown, key = "") => {
    if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) if (!k.startsWith("@_")) visit(v, k);
    } else if (key === "text" || key === "#text") texts.push(String(value));
  };
  visit(new XMLParser({ ignoreAttributes: false, htmlEntities: true, processEntities: true }).parse(svg));
  return texts;
}

describe("graph model", () => {
  it("the order-approval example: every state, transition, queue and alarm, with patterns, timing and IAM", () => {
    const model = graphOf(JSON.parse(example("order-approval")));
    assert.deepEqual(edgeList(model), [
      "Approved? -choice[$.decision.approved == true]-> Approved",
      "Approved? -default[default]-> Rejected",
      "Ask reviewers -alarm-> heartbeatTimeouts",
      "Ask reviewers -callback[task token]-> reviewers",
      "Ask reviewers -catch[catch States.ALL]-> Escalate",
      "Ask reviewers -catch[catch States.HeartbeatTimeout, States.Timeout]-> Escalate",
      "Ask reviewers -next-> Record decision",
      "Escalate -next-> Rejected",
      "Record decision -next-> Approved?",
      "reviewers -alarm-> reviewers.oldestMessageAge",
      "reviewers -dead-letter[after 5 receives]-> reviewers dead letters",
      "reviewers dead letters -alarm-> reviewers.deadLetters",
      "start -start-> Ask reviewers",
    ]);
    assert.deepEqual(node(model, "Ask reviewers").lines, [
      "Task · sqs:sendMessage",
      "pattern: callback",
      "heartbeat 300 s · timeout 86400 s",
      "IAM: sqs:SendMessage",
    ]);
    // The alert topic is not the workflow's own: its KMS key, if any, is unknown.
    assert.deepEqual(node(model, "Escalate").lines, [
      "Task · sns:publish",
      "pattern: request-response",
      "IAM: sns:Publish",
      "warning: kms-key-unknown",
    ]);
    assert.deepEqual(node(model, "Rejected").lines, ["Fail: OrderRejected"]);
    assert.deepEqual(
      model.nodes.filter((n) => n.kind === "alarm").map((n) => [n.title, n.lines]),
      [
        ["executionsFailed", ["ExecutionsFailed >= 1 in 300 s"]],
        ["executionsTimedOut", ["ExecutionsTimedOut >= 1 in 300 s"]],
        ["heartbeatTimeouts", ["TaskTimedOut log events >= 1 in 300 s"]],
        // The queue's age alarm fires at the tasks' heartbeat, as the CallbackQueue sizes it.
        ["reviewers.oldestMessageAge", ["oldest message age >= 300 s in 60 s"]],
        ["reviewers.deadLetters", ["messages visible >= 1 in 60 s"]],
      ],
    );
    assert.deepEqual(model.problems, [{ rule: "kms-key-unknown", severity: "warning", state: "Escalate" }]);
  });

  it("the quote example in EXPRESS: request-response tasks, no queues, no heartbeat alarm", () => {
    const model = graphOf(JSON.parse(example("quote")), "EXPRESS");
    assert.deepEqual(edgeList(model), ["Price -next-> Save quote", "start -start-> Price"]);
    assert.deepEqual(node(model, "Price").lines, ["Task · lambda:invoke", "pattern: request-response", "IAM: lambda:InvokeFunction"]);
    assert.deepEqual(
      model.nodes.filter((n) => n.kind !== "state" && n.kind !== "start").map((n) => n.title),
      ["executionsFailed", "executionsTimedOut"],
    );
  });

  it("nested Parallel, inline Map and Distributed Map: groups, branches, reader and writer, every edge", () => {
    const model = graphOf(NESTED);
    assert.deepEqual(edgeList(model), [
      "Archive -next-> Big?",
      "Ask -alarm-> heartbeatTimeouts",
      "Ask -callback[task token]-> approvers",
      "Big? -choice[$.kind == $.expected]-> Split",
      "Big? -choice[($.size is present) and ($.size > 10)]-> Split",
      "Big? -default[default]-> Done",
      "Charge -retry[retry Lambda.TooManyRequestsException ×5]-> Charge",
      "Each order -items-> Charge",
      "Export -items-> Archive",
      "Export -next-> Child",
      "Export -writes-> ResultWriter",
      "Fan out -branch-> Ask",
      "Fan out -branch-> Each order",
      "Fan out -catch[catch States.ALL]-> Failed",
      "Fan out -next-> Export",
      "ItemReader -reads-> Export",
      "Split -next-> Done",
      "approvers -alarm-> approvers.oldestMessageAge",
      "approvers -dead-letter[after 5 receives]-> approvers dead letters",
      "approvers dead letters -alarm-> approvers.deadLetters",
      "start -start-> Fan out",
    ]);
    const where = (title: string) => groupPath(model, node(model, title).group);
    assert.deepEqual(where("Fan out"), ["Fan out (Parallel)"]);
    assert.deepEqual(where("Each order"), ["Fan out (Parallel)", "branch 1", "Each order (Map)"]);
    assert.deepEqual(where("Charge"), ["Fan out (Parallel)", "branch 1", "Each order (Map)", "item processor"]);
    assert.deepEqual(where("Ask"), ["Fan out (Parallel)", "branch 2"]);
    assert.deepEqual(where("Archive"), ["Export (Distributed Map)", "item processor"]);
    assert.deepEqual(where("ItemReader"), ["Export (Distributed Map)"]);
    assert.deepEqual(where("Child"), []);
    assert.deepEqual(node(model, "ItemReader").lines, ["s3:getObject", "s3://orders-in/today.csv"]);
    assert.deepEqual(node(model, "ResultWriter").lines, ["s3:putObject", "s3://orders-out/results"]);
    assert.equal(node(model, "Export").lines[0], "Distributed Map");
    assert.ok(node(model, "Export").lines.some((line) => line.includes("states:StartExecution")));
    assert.ok(node(model, "Export").lines.some((line) => line.includes("s3:GetObject")));
    const marks = Object.fromEntries(
      model.nodes.filter((n) => n.stateType === "Task").map((n) => [n.title, n.lines.find((l) => l.startsWith("pattern:"))]),
    );
    assert.deepEqual(marks, {
      Charge: "pattern: request-response",
      Ask: "pattern: callback",
      Archive: "pattern: .sync",
      Child: "pattern: .sync:2",
    });
    assert.deepEqual(node(model, "Ask").lines.slice(2), ["heartbeat 60 s · timeout 3600 s", "IAM: sqs:SendMessage"]);
  });

  it("a definition with errors: offending states marked with their rule ids, missing targets drawn, document problems listed", () => {
    const model = graphOf(JSON.parse(example("invalid-express-callback")), "EXPRESS");
    const ask = node(model, "Ask");
    assert.deepEqual(
      ask.problems.map((p) => p.rule),
      ["heartbeat-not-below-timeout", "express-pattern", "missing-task-token", "kms-key-unknown"],
    );
    assert.deepEqual(ask.lines.slice(-4), [
      "error: heartbeat-not-below-timeout",
      "error: express-pattern",
      "error: missing-task-token",
      "warning: kms-key-unknown",
    ]);
    assert.match(renderMermaid(model), /class n\d+ error/);

    const broken = graphOf({ StartAt: "A", States: { A: { Type: "Pass", Next: "Nowhere" } } });
    assert.deepEqual(edgeList(broken), ["A -next-> Nowhere", "start -start-> A"]);
    assert.equal(node(broken, "Nowhere").kind, "missing");
    assert.ok(node(broken, "A").problems.length > 0, "the state with the bad Next is marked");

    const unparsable = graphOf("{ not json");
    assert.deepEqual(
      unparsable.nodes.map((n) => [n.kind, n.title, n.lines]),
      [["problems", "the definition does not parse", ["error: invalid-json"]]],
    );
  });
});

describe("Choice conditions", () => {
  it("JSONata conditions as written, JSONPath comparisons, type tests and Not", () => {
    const model = graphOf({
      QueryLanguage: "JSONata",
      StartAt: "Route",
      States: {
        Route: {
          Type: "Choice",
          Choices: [{ Condition: "{% $states.input.total >= 100 %}", Next: "Big" }],
          Default: "Small",
        },
        Big: { Type: "Succeed" },
        Small: { Type: "Succeed" },
      },
    });
    assert.ok(edgeList(model).includes("Route -choice[$states.input.total >= 100]-> Big"), edgeList(model).join("\n"));
    const paths = graphOf({
      StartAt: "Route",
      States: {
        Route: {
          Type: "Choice",
          Choices: [
            { Not: { Variable: "$.name", IsString: true }, Next: "A" },
            { Variable: "$.when", TimestampLessThanEquals: "2026-01-01T00:00:00Z", Next: "A" },
            { Variable: "$.code", StringMatches: "E*", Next: "A" },
          ],
          Default: "A",
        },
        A: { Type: "Succeed" },
      },
    });
    assert.deepEqual(
      paths.edges.filter((e) => e.kind === "choice").map((e) => e.label),
      ["not ($.name is string)", '$.when <= "2026-01-01T00:00:00Z"', '$.code matches "E*"'],
    );
  });
});

describe("graph renderers", () => {
  it("Mermaid: subgraphs nest as the model does; labels escape quotes, brackets, markup, entities and pipes", () => {
    const mermaid = renderMermaid(graphOf(NESTED));
    const lines = mermaid.split("\n");
    const opened = (label: string) => lines.findIndex((line) => line.includes(`subgraph`) && line.includes(`["${label}"]`));
    assert.ok(opened("Fan out (Parallel)") < opened("branch 1") && opened("branch 1") < opened("Each order (Map)"));
    assert.equal(lines.filter((l) => l.trim().startsWith("subgraph")).length, lines.filter((l) => l.trim() === "end").length);
    assert.ok(lines[0] === "flowchart TD");

    const text = renderMermaid(graphOf(hostile));
    assert.ok(
      text.includes(`"Say #34;hi#34; #60;b#62;#38;amp#59; [x] {y} #124;z#124; #35;1#59; #96;q#96; #92; ü 日本 🚀<br/>Choice"`),
      text,
    );
    assert.ok(text.includes(`-->|"$.a == #34;x#92;#34;#60;y#62;#38;#34;"|`), text);
  });

  it("DOT: clusters nest; quotes and backslashes escaped, unicode kept", () => {
    const dot = renderDot(graphOf(NESTED));
    assert.match(dot, /subgraph cluster_g\d+ \{\n\s+id=g\d+; class="group parallel"; label="Fan out \(Parallel\)"/);
    assert.equal((dot.match(/\{/g) ?? []).length, (dot.match(/\}/g) ?? []).length);
    const text = renderDot(graphOf(hostile));
    assert.ok(text.includes(`label="Say \\"hi\\" <b>&amp;amp; [x] {y} |z| #1; \`q\` \\\\ ü 日本 🚀\\nChoice"`), text);
  });

  it("SVG: well-formed XML whose texts read as the states, edges and groups, hostile names included", async function () {
    this.timeout(60_000);
    for (const model of [graphOf(NESTED), graphOf(hostile), graphOf(JSON.parse(example("order-approval")))]) {
      const svg = await renderSvg(model);
      assert.equal(XMLValidator.validate(svg), true);
      const texts = svgTexts(svg);
      for (const n of model.nodes) if (n.kind !== "start") assert.ok(texts.includes(n.title), `text ${n.title}`);
      for (const e of model.edges) if (e.label !== undefined) assert.ok(texts.includes(e.label), `edge label ${e.label}`);
      for (const g of model.groups) assert.ok(texts.includes(g.label), `group ${g.label}`);
    }
    const svg = await renderSvg(graphOf(hostile));
    assert.ok(svg.includes("Say &quot;hi&quot; &lt;b&gt;&amp;amp; [x]"), "markup in a name is text, not elements");
  });

  it("SVG: renders requested together each get their own picture (Graphviz's worker answers them by id)", async function () {
    this.timeout(60_000);
    const models = [graphOf(NESTED), graphOf(hostile), graphOf(JSON.parse(example("order-approval")))];
    const together = await Promise.all(models.map(renderSvg));
    for (const [i, model] of models.entries()) assert.equal(together[i], await renderSvg(model), `picture ${i}`);
    assert.equal(new Set(together).size, models.length);
  });

  it("SVG: a program exits by itself once Graphviz is idle, whether it drew a picture or only started Graphviz", function () {
    this.timeout(60_000);
    const svgModule = `require(${JSON.stringify(join(ROOT, "provider/src/graph/svg.ts"))})`;
    for (const [program, stdout] of [
      [`${svgModule}.renderSvg(${JSON.stringify(graphOf(NESTED))}).then((svg) => console.log(svg.length > 0));`, "true\n"],
      [`${svgModule}.startSvgEngine();`, ""],
    ]) {
      const run = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", program], { cwd: ROOT, encoding: "utf8", timeout: 20_000 });
      assert.equal(run.error, undefined, `${program.slice(-60)}: exited before the timeout`);
      assert.deepEqual([run.status, run.stdout, run.stderr], [0, stdout, ""]);
    }
  });
});

describe("SVG layout (Graphviz)", () => {
  let graphviz: Graphviz;
  before(async () => {
    graphviz = await Graphviz.load();
  });

  interface Placed {
    /** The picture's box: "left,bottom,right,top". */
    bb: string;
    objects: Array<{ _gvid: number; name: string; pos?: string; height?: string; bb?: string }>;
    edges?: Array<{ tail: number; head: number; ltail?: string; style?: string }>;
  }
  /** Graphviz's layout of the DOT output, which is what the SVG draws: points, y growing upwards. */
  const place = (model: GraphModel) => JSON.parse(graphviz.layout(renderDot(model), "json", "dot")) as Placed;
  const object = (placed: Placed, name: string) => placed.objects.find((o) => o.name === name)!;
  const nodeTop = (placed: Placed, id: string) => {
    const { pos, height } = object(placed, id);
    return Number(pos!.split(",")[1]) + Number(height) * 36;
  };
  /** A cluster's box: [left, bottom, right, top]. */
  const box = (placed: Placed, group: string) => object(placed, `cluster_${group}`).bb!.split(",").map(Number);
  const groupOf = (model: GraphModel, label: string) => model.groups.find((g) => g.label === label)!;

  it("a Parallel's Next and Catch leave its cluster's border, and their targets are drawn below the whole cluster", () => {
    const model = graphOf(NESTED);
    const placed = place(model);
    const fanOut = groupOf(model, "Fan out (Parallel)");
    const [, fanOutBottom] = box(placed, fanOut.id);
    const [, , , exportTop] = box(placed, groupOf(model, "Export (Distributed Map)").id);
    assert.ok(exportTop < fanOutBottom, `the Export map (its ItemReader too) below Fan out: ${exportTop} < ${fanOutBottom}`);
    assert.ok(nodeTop(placed, node(model, "Failed").id) < fanOutBottom, "the Catch handler below Fan out");
    const name = (gvid: number) => placed.objects.find((o) => o._gvid === gvid)!.name;
    const leaving = (placed.edges ?? []).filter((e) => e.style !== "invis" && name(e.tail) === fanOut.state);
    const cluster = `cluster_${fanOut.id}`;
    assert.deepEqual(leaving.map((e) => [model.nodes.find((n) => n.id === name(e.head))!.title, e.ltail ?? "(from the state)"]).sort(), [
      ["Ask", "(from the state)"],
      ["Each order", "(from the state)"],
      ["Export", cluster],
      ["Failed", cluster],
    ]);
  });

  /** `count` blocks: a Parallel of two branches of two states each, then a Pass. */
  const blocks = (count: number) => ({
    StartAt: "fan0",
    States: Object.fromEntries(
      Array.from({ length: count }, (_, i) => {
        const branch = (b: number) => ({
          StartAt: `b${i}-${b}-first`,
          States: { [`b${i}-${b}-first`]: { Type: "Pass", Next: `b${i}-${b}-last` }, [`b${i}-${b}-last`]: { Type: "Pass", End: true } },
        });
        const next = i + 1 < count ? { Next: `fan${i + 1}` } : { End: true };
        return [
          [`fan${i}`, { Type: "Parallel", Branches: [branch(1), branch(2)], Next: `joined${i}` }],
          [`joined${i}`, { Type: "Pass", ...next }],
        ];
      }).flat(),
    ),
  });

  it("a chain of Parallels is drawn one below the other: the picture is no wider for ten than for one", () => {
    const width = (count: number) => Number(place(graphOf(blocks(count))).bb.split(",")[2]);
    assert.equal(width(10), width(1));
  });

  it(`above ${LARGE_GRAPH_NODES} nodes the DOT limits Graphviz's node placement; a smaller graph keeps the full search`, () => {
    const small = graphOf(blocks(3));
    const large = graphOf(blocks(Math.ceil(LARGE_GRAPH_NODES / 6) + 1));
    assert.ok(small.nodes.length <= LARGE_GRAPH_NODES && large.nodes.length > LARGE_GRAPH_NODES);
    assert.doesNotMatch(renderDot(small), /nslimit/);
    assert.match(renderDot(large), /^ {2}graph \[rankdir=TB, compound=true, nslimit=0\.1, /m);
  });
});

describe("sfn-workflows graph", () => {
  const MAIN = join(ROOT, "provider", "src", "cli", "main.ts");
  const cli = (args: string[]) => spawnSync(process.execPath, ["--require", "tsx/cjs", MAIN, ...args], { cwd: ROOT, encoding: "utf8" });

  it("prints Mermaid by default and exits 0 for a valid definition", () => {
    const run = cli(["graph", "examples/definitions/order-approval.asl.json"]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, renderMermaid(graphOf(JSON.parse(example("order-approval")))));
  });

  it("draws a definition with errors all the same, and exits 1", () => {
    const run = cli(["graph", "examples/definitions/invalid-express-callback.asl.json", "--type", "EXPRESS", "--format", "dot"]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /error: express-pattern/);
    assert.match(run.stdout, /^digraph workflow \{/);
  });

  it("writes well-formed SVG with --format svg", () => {
    const run = cli(["graph", "examples/definitions/quote.asl.json", "--format", "svg", "--type", "EXPRESS"]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(XMLValidator.validate(run.stdout), true);
    const texts = svgTexts(run.stdout);
    for (const text of ["Price", "Save quote", "Task · lambda:invoke", "pattern: request-response", "IAM: dynamodb:PutItem"])
      assert.ok(texts.includes(text), text);
  });

  it("rejects an unknown format with a usage error", () => {
    const run = cli(["graph", "examples/definitions/quote.asl.json", "--format", "png"]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Allowed choices are mermaid, svg, dot/);
  });
});
