/**
 * Property: a valid definition mutated in one field is refused by the rule meant for that field.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { analyze } from "../../../provider/src/analysis/analyze";

const valid = () => ({
  StartAt: "Work",
  States: {
    Work: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "f" },
      Retry: [{ ErrorEquals: ["States.Timeout"], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 3 }],
      Catch: [{ ErrorEquals: ["States.ALL"], Next: "Each" }],
      Assign: { done: true },
      Next: "Each",
    },
    Each: {
      Type: "Map",
      Label: "Orders",
      ItemProcessor: {
        ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
        StartAt: "Do",
        States: { Do: { Type: "Pass", End: true } },
      },
      End: true,
    },
  },
});
type Definition = ReturnType<typeof valid>;

/** One field changed, and the rule that must refuse it. */
const MUTATIONS: Array<fc.Arbitrary<{ apply: (d: Definition) => void; rule: string }>> = [
  fc
    .oneof(
      fc.integer({ max: 0 }),
      fc.double({ min: 1.01, max: 100, noNaN: true }).filter((n) => !Number.isInteger(n)),
    )
    .map((value) => ({
      apply: (d: Definition) => void (d.States.Work.Retry[0].IntervalSeconds = value),
      rule: "asl-schema",
    })),
  fc
    .double({ max: 0.99, noNaN: true })
    .map((value) => ({ apply: (d: Definition) => void (d.States.Work.Retry[0].BackoffRate = value), rule: "asl-schema" })),
  fc.oneof(fc.array(fc.integer()), fc.string(), fc.integer(), fc.boolean(), fc.constant(null)).map((value) => ({
    apply: (d: Definition) => void ((d.States.Work as Record<string, unknown>).Assign = value),
    rule: "asl-schema",
  })),
  fc.string({ minLength: 1 }).map((name) => ({
    apply: (d: Definition) => void ((d.States.Work.Catch[0] as Record<string, unknown>)[`X${name}`] = 1),
    rule: "asl-schema",
  })),
  fc.string({ minLength: 1 }).map((name) => ({
    apply: (d: Definition) => void ((d.States.Each.ItemProcessor.ProcessorConfig as Record<string, unknown>)[`X${name}`] = 1),
    rule: "asl-schema",
  })),
  fc.constantFrom(" ", "?", "*", "<", "{", "[", ":", ";", ",", "|", "$", "#", "%", "&", '"', "\u0001").map((char) => ({
    apply: (d: Definition) => void (d.States.Each.Label = `Ord${char}ers`),
    rule: "asl-label",
  })),
  fc.constant({ apply: (d: Definition) => void d.States.Work.Retry.unshift({ ErrorEquals: ["States.ALL"] } as never), rule: "asl-schema" }),
  fc.constant({ apply: (d: Definition) => void (d.States.Work.Catch[0].ErrorEquals = []), rule: "asl-schema" }),
  fc.constant({ apply: (d: Definition) => void (d.States.Work.Next = "Nowhere"), rule: "asl-transition" }),
];

describe("conformance: single-field mutations of a valid definition", () => {
  it("the valid definition passes", () => assert.deepEqual(analyze(valid()).errors, []));

  it("each mutation is refused by its rule", () => {
    fc.assert(
      fc.property(fc.oneof(...MUTATIONS), ({ apply, rule }) => {
        const definition = valid();
        apply(definition);
        const rules = analyze(JSON.stringify(definition)).errors.map((error) => error.rule);
        assert.ok(rules.includes(rule), `${rule} expected, got ${JSON.stringify(rules)}`);
      }),
      { numRuns: 300 },
    );
  });
});
