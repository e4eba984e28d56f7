// The serve demo: `sfn-workflows serve` runs a definition's sync endpoint on localhost, backed by
// LocalStack, with the request and response templates a deployment gets. One request per status,
// then the server is stopped. Run: tsx examples/demo-serve.ts (after `make localstack`).
import * as path from "node:path";
import { styleText } from "node:util";
import { startServeCli } from "../tests/support/serveCli";

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text) : text);
const DEFINITION = path.join("examples", "serve", "quote-rules.asl.json");
const STATUSES = ["Quote.Invalid=422", "Quote.Discontinued=410"];

/** One request per status the endpoint answers. */
const REQUESTS: Array<[what: string, body: string]> = [
  ["SUCCEEDED", '{"sku": "A-1", "quantity": 3}'],
  ["FAILED Quote.Invalid", '{"quantity": 3}'],
  ["FAILED Quote.Discontinued", '{"sku": "DISCONTINUED"}'],
  ["TIMED_OUT", '{"sku": "SLOW"}'],
  ["not JSON", "sku=A-1"],
];

async function main(): Promise<void> {
  console.log(`\n${paint("bold", "== sfn-workflows serve: the quote endpoint on localhost (LocalStack) ==")}`);
  const args = [DEFINITION, "--path", "/quote", "--port", "0", ...STATUSES.flatMap((status) => ["--status", status])];
  console.log(`$ sfn-workflows serve ${args.join(" ")}`);
  const serve = await startServeCli(args);
  console.log(serve.stdout().trimEnd().replace(/^/gm, "  "));
  try {
    for (const [what, body] of REQUESTS) {
      const started = Date.now();
      const response = await fetch(`http://localhost:${serve.port}/quote`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
      const text = (await response.text()).trim();
      console.log(`\n$ curl localhost:${serve.port}/quote -H 'Content-Type: application/json' -d '${body}'   ${paint("dim", `# ${what}`)}`);
      console.log(
        `  ${paint(response.ok ? "green" : "yellow", String(response.status))} ${text}  ${paint("dim", `(${Date.now() - started} ms)`)}`,
      );
    }
  } finally {
    const code = await serve.stop();
    console.log(`\nstopped (exit code ${code}); LocalStack stopped with it`);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
