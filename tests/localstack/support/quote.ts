/**
 * The quote workflow the LocalStack endpoint tests serve, deployed (endpoint.test.ts) or through
 * `sfn-workflows serve` (serve.test.ts): it answers its input, or ends as the body's `outcome`
 * asks, one ending for each status the response template maps.
 */
import * as http from "node:http";

export const QUOTE_DEFINITION = {
  Comment: "Answers the request, or ends as the body's outcome asks",
  StartAt: "Route",
  TimeoutSeconds: 3,
  States: {
    Route: {
      Type: "Choice",
      Choices: [
        { Variable: "$.body.outcome", IsPresent: false, Next: "Echo" },
        { Variable: "$.body.outcome", StringEquals: "not-found", Next: "Not found" },
        { Variable: "$.body.outcome", StringEquals: "invalid", Next: "Invalid" },
        { Variable: "$.body.outcome", StringEquals: "busy", Next: "Busy" },
        { Variable: "$.body.outcome", StringEquals: "broken", Next: "Broken" },
        { Variable: "$.body.outcome", StringEquals: "slow", Next: "Slow" },
      ],
      Default: "Echo",
    },
    Echo: { Type: "Pass", End: true } as Record<string, unknown>,
    "Not found": { Type: "Fail", Error: "Quote.NotFound", Cause: "no price for sku Z-9" },
    Invalid: { Type: "Fail", Error: "Quote.Invalid", Cause: 'quantity must be "positive"' },
    Busy: { Type: "Fail", Error: "Pricing.Busy", Cause: "try again in a minute" },
    Broken: { Type: "Fail", Error: "Unmapped", Cause: "nothing maps this" },
    Slow: { Type: "Wait", Seconds: 10, End: true },
  },
};

/** The endpoint's errorStatusCodes: an exact name, and a prefix. */
export const QUOTE_STATUSES: Record<string, number> = { "Quote.NotFound": 404, "Quote.Invalid": 422, "Pricing.*": 503 };

/** What each outcome answers with QUOTE_STATUSES: the status and the body (`Unmapped` is the default 500). */
export const QUOTE_FAILURES: Array<[outcome: string, status: number, body: unknown]> = [
  ["not-found", 404, { error: "Quote.NotFound", cause: "no price for sku Z-9" }],
  ["invalid", 422, { error: "Quote.Invalid", cause: 'quantity must be "positive"' }],
  ["busy", 503, { error: "Pricing.Busy", cause: "try again in a minute" }],
  ["broken", 500, { error: "Unmapped", cause: "nothing maps this" }],
];

/**
 * POSTs `body`; the status and the body text, trimmed (LocalStack leaves blank lines around it,
 * docs/engines.md). Header names go out as written (fetch would lower-case them).
 */
export function post(url: string, body: string, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", headers: { ...headers, "Content-Length": Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8").trim() }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
