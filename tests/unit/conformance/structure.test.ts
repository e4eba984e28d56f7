/**
 * Conformance of the structural contract: for each rule, a valid definition that passes and a
 * single-fault one that fails with exactly that rule, each citing the sentence of the States
 * Language specification or of AWS's developer guide it enforces (contract/quotes.ts).
 */
import assert from "node:assert/strict";
import { analyze } from "../../../provider/src/analysis/analyze";
import { QUOTES } from "../../../provider/src/analysis/contract/quotes";
import { CASES } from "./structureCases";

const STRUCTURAL = /^(asl-|duplicate-key|invalid-json)/;

describe("conformance of the structural contract", () => {
  for (const { rule, quote, valid, invalid, message } of CASES) {
    it(`${rule}: "${QUOTES[quote].text}" (${QUOTES[quote].source})`, () => {
      assert.deepEqual(
        analyze(valid).errors.filter((error) => STRUCTURAL.test(error.rule)),
        [],
        "the valid case passes",
      );
      const errors = analyze(invalid).errors.filter((error) => STRUCTURAL.test(error.rule));
      assert.deepEqual(
        errors.map((error) => error.rule),
        [rule],
        JSON.stringify(errors),
      );
      assert.match(errors[0].message, message);
    });
  }
});
