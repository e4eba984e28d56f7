import { strict as assert } from "node:assert";
import {
  checkToken,
  defaultExtractor,
  defaultFailure,
  InvalidMessageError,
  jsonLogger,
  limitFailure,
  serializeOutput,
} from "../../worker/src";
import { truncate } from "../../worker/src/failure";

describe("CallbackWorker mapping", () => {
  describe("the default envelope", () => {
    it("takes `token` out and hands the other fields to the handler", () => {
      assert.deepEqual(defaultExtractor('{"token":"t-1","order":{"orderId":"o-1"},"n":1}'), {
        token: "t-1",
        message: { order: { orderId: "o-1" }, n: 1 },
      });
    });

    it("matches what the order-approval definition sends (MessageBody { token.$, order.$ }) as moto and AWS serialize it", () => {
      assert.deepEqual(defaultExtractor('{"token": "64181a58-3aee", "order": {"orderId": "o1"}}'), {
        token: "64181a58-3aee",
        message: { order: { orderId: "o1" } },
      });
    });

    for (const [body, message] of [
      ["{", "the body is not JSON"],
      ["null", "the body is not a JSON object"],
      ['"t"', "the body is not a JSON object"],
      ['{"Token":"t"}', 'the body has no string "token" field'],
    ]) {
      it(`rejects ${body} with InvalidMessageError`, () => {
        assert.throws(
          () => defaultExtractor(body),
          (error: Error) => error instanceof InvalidMessageError && error.message === message,
        );
      });
    }
  });

  describe("the token check", () => {
    it("counts characters, not UTF-16 units, against 1-1024", () => {
      checkToken("a");
      checkToken("😀".repeat(1024));
      assert.throws(() => checkToken("😀".repeat(1025)), {
        message: "the task token has 1025 characters; Step Functions accepts 1 to 1024",
      });
      assert.throws(() => checkToken(""), { message: "the task token has 0 characters; Step Functions accepts 1 to 1024" });
      assert.throws(() => checkToken(undefined), { message: "the task token is a undefined, not a string" });
      assert.throws(() => checkToken(null), { message: "the task token is a null, not a string" });
    });
  });

  describe("thrown errors to SendTaskFailure", () => {
    it("prefers a string code, then the name, then Error; the cause is the message or the value as text", () => {
      class OrderInvalid extends Error {
        override name = "OrderInvalid";
      }
      assert.deepEqual(defaultFailure(new OrderInvalid("no sku")), { error: "OrderInvalid", cause: "no sku" });
      assert.deepEqual(defaultFailure(Object.assign(new OrderInvalid("x"), { code: "E_SKU" })), { error: "E_SKU", cause: "x" });
      assert.deepEqual(defaultFailure(Object.assign(new Error("y"), { code: 42 })), { error: "Error", cause: "y" });
      assert.deepEqual(defaultFailure({ name: "", message: "plain object" }), { error: "Error", cause: "plain object" });
      assert.deepEqual(defaultFailure({ code: "Busy" }), { error: "Busy", cause: "[object Object]" });
      assert.deepEqual(defaultFailure(404), { error: "Error", cause: "404" });
      assert.deepEqual(defaultFailure(undefined), { error: "Error", cause: "undefined" });
    });

    it("cuts to Step Functions' limits without splitting a character, marking a cut cause", () => {
      assert.deepEqual(limitFailure({ error: "E".repeat(256), cause: "c".repeat(32_768) }), {
        error: "E".repeat(256),
        cause: "c".repeat(32_768),
      });
      assert.deepEqual(limitFailure({ error: "😀".repeat(257) }), { error: "😀".repeat(256), cause: "" });
      assert.deepEqual(limitFailure({ error: "E", cause: "😀".repeat(32_769) }), { error: "E", cause: `${"😀".repeat(32_767)}…` });
      assert.equal(truncate("abcdef", 4, "…"), "abc…");
      assert.equal(truncate("ab", 4, "…"), "ab");
    });
  });

  describe("handler results to SendTaskSuccess", () => {
    it("sends JSON, null for undefined, and refuses more than 256 KiB of UTF-8", () => {
      assert.equal(serializeOutput({ a: [1, "é"] }), '{"a":[1,"é"]}');
      assert.equal(serializeOutput(undefined), "null");
      // "é" is 2 bytes of UTF-8: 131,071 of them and the quotes are exactly 262,144 bytes.
      assert.equal(serializeOutput("é".repeat(131_071)).length, 131_073);
      assert.throws(() => serializeOutput("é".repeat(131_072)), {
        name: "OutputTooLarge",
        message: "the handler's result is 262146 bytes of JSON; Step Functions accepts at most 262144",
      });
    });
  });

  describe("the JSON-lines logger", () => {
    it("writes one object per line with time, level, msg and component, errors as fields, and drops lines below its level", () => {
      const lines: string[] = [];
      const log = jsonLogger({ level: "warn", write: (line) => lines.push(line) });
      log.info("not shown");
      log.warn("heartbeat failed", { error: Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException", code: "T" }), n: 1 });
      assert.equal(lines.length, 1);
      const entry = JSON.parse(lines[0]);
      assert.match(entry.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.deepEqual(
        { ...entry, time: undefined },
        {
          time: undefined,
          level: "warn",
          msg: "heartbeat failed",
          component: "CallbackWorker",
          error: { name: "ThrottlingException", message: "Rate exceeded", code: "T" },
          n: 1,
        },
      );
    });
  });
});
