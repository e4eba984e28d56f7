/**
 * The `sfn-workflows` CLI, run as a real process from its TypeScript source (no build needed):
 * exit codes, the exact `--json` report, stderr messages and the human report.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { formatHuman, shouldColor } from "../../provider/src/cli/human";
import { runCheck } from "../../provider/src/cli/check";

const ROOT = join(__dirname, "..", "..");
const MAIN = join(ROOT, "provider", "src", "cli", "main.ts");
const FIXTURES = "tests/fixtures/cli";
const fixture = (name: string) => `${FIXTURES}/${name}`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stdout and stderr as pipes (not a terminal), from the repository root. */
function cli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, ["--require", "tsx/cjs", MAIN, ...args], {
    cwd: ROOT,
    env,
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `--json` output must be exactly one JSON object and nothing else. */
function json(run: Run): Record<string, unknown> {
  const value = JSON.parse(run.stdout);
  assert.equal(typeof value, "object");
  assert.ok(value !== null && !Array.isArray(value));
  return value;
}

/** The escape character that starts every ANSI colour code. */
const ESC = "\u001b";

describe("sfn-workflows CLI", function () {
  this.timeout(60_000);

  describe("check --json", () => {
    it("reports a valid STANDARD callback definition with its exact policy", () => {
      const run = cli(["check", fixture("approval.asl.json"), "--region", "us-east-1", "--account", "123456789012", "--json"]);
      assert.equal(run.stderr, "");
      assert.equal(run.status, 0);
      assert.deepEqual(json(run), {
        ok: true,
        workflowType: "STANDARD",
        errors: [],
        // The approvals queue is not one of the workflow's callback queues: its key, if any, is unknown.
        warnings: [
          {
            rule: "kms-key-unknown",
            state: "Request approval",
            message:
              'sqs:sendMessage: if queue https://sqs.eu-west-1.amazonaws.com/210987654321/approvals is encrypted with a customer managed KMS key, the role also needs kms:GenerateDataKey, kms:Decrypt on that key; add { "Effect": "Allow", "Action": ["kms:GenerateDataKey","kms:Decrypt"], "Resource": ["KEY_ARN"] } to policyStatements',
            code: null,
            line: 5,
            column: 5,
          },
        ],
        integrations: [
          {
            state: "Request approval",
            resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            kind: "optimized",
            service: "sqs",
            action: "sendMessage",
            pattern: "callback",
          },
          {
            state: "Notify customer",
            resource: "arn:aws:states:::lambda:invoke",
            kind: "optimized",
            service: "lambda",
            action: "invoke",
            pattern: "request-response",
          },
        ],
        policy: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: ["lambda:InvokeFunction"],
              Resource: [
                "arn:aws:lambda:us-east-1:123456789012:function:notify-customer",
                "arn:aws:lambda:us-east-1:123456789012:function:notify-customer:*",
              ],
            },
            // The queue's ARN comes from its URL, which names its own region and account.
            { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: ["arn:aws:sqs:eu-west-1:210987654321:approvals"] },
          ],
        },
      });
    });

    it("keeps ${AWS::Region} and ${AWS::AccountId} in ARNs without --region and --account, and honours --partition", () => {
      const unresolved = json(cli(["check", fixture("approval.asl.json"), "--json"])) as {
        policy: { Statement: { Resource: string[] }[] };
      };
      assert.deepEqual(unresolved.policy.Statement[0].Resource, [
        "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:notify-customer",
        "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:notify-customer:*",
      ]);
      const china = cli(["check", fixture("approval.asl.json"), "--partition", "aws-cn", "--region", "cn-north-1", "--json"]);
      assert.equal(china.status, 0);
      assert.deepEqual((json(china) as typeof unresolved).policy.Statement[0].Resource, [
        "arn:aws-cn:lambda:cn-north-1:${AWS::AccountId}:function:notify-customer",
        "arn:aws-cn:lambda:cn-north-1:${AWS::AccountId}:function:notify-customer:*",
      ]);
    });

    it("fails an EXPRESS definition with .waitForTaskToken: exit 1, rule express-pattern at the nested state path", () => {
      const run = cli(["check", fixture("express-callback.asl.json"), "--type", "EXPRESS", "--json"]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, "");
      const report = json(run) as { ok: boolean; workflowType: string; errors: Record<string, unknown>[]; warnings: unknown[] };
      assert.deepEqual(Object.keys(report), ["ok", "workflowType", "errors", "warnings", "integrations", "policy"]);
      assert.equal(report.ok, false);
      assert.equal(report.workflowType, "EXPRESS");
      assert.equal(report.errors.length, 1);
      // Rule, state and message, then Step Functions' code and the position: no severity key (the list says it).
      assert.deepEqual(Object.keys(report.errors[0]), ["rule", "state", "message", "code", "line", "column"]);
      assert.equal(report.errors[0].rule, "express-pattern");
      assert.equal(report.errors[0].state, "Fan out > branch 2 > Ask");
      assert.equal(report.errors[0].code, null);
      const text = readFileSync(join(ROOT, fixture("express-callback.asl.json")), "utf8").split("\n");
      assert.match(text[(report.errors[0].line as number) - 1].slice((report.errors[0].column as number) - 1), /^"Ask": \{/);
      assert.match(report.errors[0].message as string, /sqs:sendMessage\.waitForTaskToken cannot run in an EXPRESS workflow/);
      assert.deepEqual(
        (report.warnings as { rule: string }[]).map((warning) => warning.rule),
        ["kms-key-unknown"],
      );
    });

    it("accepts --type in any case, and the same definition passes as STANDARD", () => {
      assert.equal(cli(["check", fixture("express-callback.asl.json"), "--type", "express", "--json"]).status, 1);
      const standard = cli(["check", fixture("express-callback.asl.json"), "--json"]);
      assert.equal(standard.status, 0);
      assert.equal((json(standard) as { workflowType: string }).workflowType, "STANDARD");
    });

    it("reports JSON that does not parse as rule invalid-json, exit 1, still one JSON object", () => {
      const run = cli(["check", fixture("invalid.json.txt"), "--json"]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, "");
      const report = json(run) as { errors: { rule: string; state: null; message: string }[] };
      assert.deepEqual(
        { ...report, errors: report.errors.map(({ rule, state }) => ({ rule, state })) },
        {
          ok: false,
          workflowType: "STANDARD",
          errors: [{ rule: "invalid-json", state: null }],
          warnings: [],
          integrations: [],
          policy: { Version: "2012-10-17", Statement: [] },
        },
      );
      assert.match(report.errors[0].message, /not valid JSON.*line 5 column 3/);
      assert.deepEqual(report.errors[0], { ...report.errors[0], code: "INVALID_JSON_DESCRIPTION", line: 5, column: 3 });
    });

    it("gives every diagnostic Step Functions' code and the line and column of its field, duplicate keys included", () => {
      const text = [
        "{",
        '  "StartAt": "Work",',
        '  "States": {',
        '    "Work": { "Type": "Pass", "Next": "Done" },',
        '    "Done": {',
        '      "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f" },',
        '      "Retry": [ { "ErrorEquals": ["States.ALL"], "MaxAttempt": 2 } ],',
        '      "End": true',
        "    },",
        '    "Work": { "Type": "Succeed" }',
        "  }",
        "}",
      ].join("\n");
      const run = cli(["check", "-", "--json"], { input: text });
      assert.equal(run.status, 1);
      const report = json(run) as { errors: Array<{ rule: string; code: string | null; line: number; column: number }> };
      assert.deepEqual(
        report.errors.map(({ rule, code, line, column }) => ({ rule, code, line, column })),
        [
          { rule: "duplicate-key", code: "INVALID_JSON_DESCRIPTION", line: 10, column: 5 },
          { rule: "asl-schema", code: "SCHEMA_VALIDATION_FAILED", line: 7, column: 51 },
          { rule: "asl-unreachable-state", code: "SCHEMA_VALIDATION_FAILED", line: 5, column: 5 },
        ],
      );
    });

    it("passes with warnings only (exit 0) and lists them", () => {
      const run = cli(["check", fixture("warnings.asl.json"), "--json"]);
      assert.equal(run.status, 0);
      const report = json(run) as { ok: boolean; warnings: { rule: string; state: string }[] };
      assert.equal(report.ok, true);
      assert.deepEqual(
        report.warnings.map(({ rule, state }) => ({ rule, state })),
        [
          { rule: "callback-without-heartbeat", state: "Wait for review" },
          { rule: "kms-key-unknown", state: "Wait for review" },
        ],
      );
    });

    it("reads the definition from standard input for FILE -", () => {
      const run = cli(["check", "-", "--json"], { input: readFileSync(join(ROOT, fixture("warnings.asl.json")), "utf8") });
      assert.equal(run.status, 0);
      assert.equal((json(run) as { integrations: { state: string }[] }).integrations[0].state, "Wait for review");
    });

    it("uses the statements of --integrations for an integration the table does not know", () => {
      const unknown = cli(["check", fixture("custom-integration.asl.json"), "--json"]);
      assert.equal(unknown.status, 1);
      assert.deepEqual(
        (json(unknown) as { errors: { rule: string; state: string }[] }).errors.map(({ rule, state }) => ({ rule, state })),
        [{ rule: "unknown-integration", state: "Do the thing" }],
      );
      const declared = cli(["check", fixture("custom-integration.asl.json"), "--integrations", fixture("integrations.json"), "--json"]);
      assert.equal(declared.status, 0);
      const report = json(declared) as { errors: unknown[]; policy: unknown };
      assert.deepEqual(report.errors, []);
      assert.deepEqual(report.policy, {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["example:DoThing"], Resource: ["arn:aws:example:us-east-1:123456789012:thing/*"] }],
      });
    });
  });

  describe("usage and I/O errors: exit 2, a message on stderr, nothing on stdout", () => {
    const expectUsage = (run: Run, message: RegExp) => {
      assert.equal(run.status, 2);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, message);
    };

    it("a missing file, with or without --json", () => {
      expectUsage(cli(["check", "no/such/definition.json"]), /definition file "no\/such\/definition\.json" does not exist/);
      const run = cli(["check", "no/such/definition.json", "--json"]);
      expectUsage(run, /does not exist/);
      assert.match(run.stderr, /hint: check the path/);
    });

    it("a directory instead of a file", () => {
      expectUsage(cli(["check", FIXTURES]), /is a directory/);
    });

    it("a bad --type", () => {
      expectUsage(
        cli(["check", fixture("approval.asl.json"), "--type", "FAST", "--json"]),
        /--type.*'FAST' is invalid.*STANDARD or EXPRESS/,
      );
    });

    it("a bad --account or --region", () => {
      expectUsage(cli(["check", fixture("approval.asl.json"), "--account", "1234"]), /12-digit AWS account ID/);
      expectUsage(cli(["check", fixture("approval.asl.json"), "--region", "Virginia"]), /AWS region code/);
    });

    it("an unknown option, a missing FILE, an unknown command, no command", () => {
      expectUsage(cli(["check", fixture("approval.asl.json"), "--verbose"]), /unknown option '--verbose'/);
      expectUsage(cli(["check"]), /missing required argument 'file'[\s\S]*sfn-workflows check --help/);
      expectUsage(cli(["lint", fixture("approval.asl.json")]), /unknown command 'lint'/);
      expectUsage(cli([]), /Usage: sfn-workflows/);
    });

    it("a missing or malformed --integrations file", () => {
      expectUsage(
        cli(["check", fixture("approval.asl.json"), "--integrations", "nope.json"]),
        /integrations file "nope\.json" does not exist/,
      );
      expectUsage(
        cli(["check", fixture("approval.asl.json"), "--integrations", fixture("approval.asl.json")]),
        /"Comment" is not a "service:action" key/,
      );
      expectUsage(cli(["check", "-", "--integrations", "-"]), /both ask for standard input/);
    });
  });

  describe("human output", () => {
    it("shows the verdict, the errors with state path and rule, and no ANSI codes when stdout is not a terminal", () => {
      const run = cli(["check", fixture("express-callback.asl.json"), "--type", "EXPRESS"], {
        env: { FORCE_COLOR: "1", NO_COLOR: undefined },
      });
      assert.equal(run.status, 1);
      assert.ok(!run.stdout.includes(ESC), run.stdout);
      const lines = run.stdout.split("\n");
      assert.equal(lines[0], `FAIL  ${fixture("express-callback.asl.json")}: 1 error, 1 warning (EXPRESS workflow)`);
      assert.ok(lines.includes("Errors (1)"));
      assert.ok(lines.includes("  Fan out > branch 2 > Ask  [express-pattern]"), run.stdout);
      assert.ok(lines.includes("    (on the command line: --type STANDARD)"));
      assert.ok(lines.includes("  Fan out > branch 2 > Ask  sqs:sendMessage  callback  optimized"), run.stdout);
      assert.match(run.stdout, /Execution role policy \(1 statement; incomplete until the errors are fixed\)/);
    });

    it("passes a valid definition: verdict, integrations table, policy JSON, and the note on unresolved ARNs", () => {
      const run = cli(["check", fixture("approval.asl.json")]);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, "");
      const lines = run.stdout.split("\n");
      assert.equal(lines[0], `PASS  ${fixture("approval.asl.json")}: 1 warning (STANDARD workflow)`);
      assert.ok(lines.includes("  STATE             INTEGRATION      PATTERN           KIND"), run.stdout);
      assert.ok(lines.includes("  Request approval  sqs:sendMessage  callback          optimized"), run.stdout);
      assert.ok(lines.includes("  Notify customer   lambda:invoke    request-response  optimized"), run.stdout);
      assert.ok(lines.includes('          "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:notify-customer",'), run.stdout);
      assert.ok(
        lines.includes(
          "Note: --region and --account were not given, so ARNs contain ${AWS::Region} and ${AWS::AccountId}; pass them to get complete ARNs.",
        ),
        run.stdout,
      );
      const resolved = cli(["check", fixture("approval.asl.json"), "--region", "us-east-1", "--account", "123456789012"]);
      assert.doesNotMatch(resolved.stdout, /Note:|\$\{AWS::/);
    });

    it("reports JSON that does not parse at document level", () => {
      const run = cli(["check", fixture("invalid.json.txt")]);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^FAIL {2}tests\/fixtures\/cli\/invalid\.json\.txt: 1 error \(STANDARD workflow\)\n/);
      assert.match(
        run.stdout,
        /\n {2}\(definition\) {2}\[invalid-json\]\n {4}the definition is not valid JSON.*\n {4}at tests\/fixtures\/cli\/invalid\.json\.txt:5:3 \(Step Functions: INVALID_JSON_DESCRIPTION\)\n/,
      );
      assert.doesNotMatch(run.stdout, /Integrations|Execution role policy/);
    });

    it("colours only for a terminal without NO_COLOR", () => {
      assert.equal(shouldColor(true, {}), true);
      assert.equal(shouldColor(true, { NO_COLOR: "1" }), false);
      assert.equal(shouldColor(true, { NO_COLOR: "" }), true);
      assert.equal(shouldColor(false, {}), false);
      assert.equal(shouldColor(undefined, {}), false);
      const outcome = runCheck(join(ROOT, fixture("express-callback.asl.json")), { type: "EXPRESS", partition: "aws" });
      const coloured = formatHuman(outcome, { color: true });
      assert.ok(coloured.includes(`${ESC}[`));
      assert.equal(stripVTControlCharacters(coloured), formatHuman(outcome, { color: false }));
    });
  });

  describe("help and version", () => {
    it("--version prints the version of provider/package.json", () => {
      const { version } = JSON.parse(readFileSync(join(ROOT, "provider", "package.json"), "utf8")) as { version: string };
      const run = cli(["--version"]);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `${version}\n`);
    });

    it("--help lists the check command; check --help lists every option, the exit codes and examples", () => {
      const top = cli(["--help"]);
      assert.equal(top.status, 0);
      assert.match(top.stdout, /Usage: sfn-workflows \[options\] \[command\]/);
      assert.match(top.stdout, /check \[options\] <file>/);
      const check = cli(["check", "--help"]);
      assert.equal(check.status, 0);
      for (const option of [
        "--type <type>",
        "--region <region>",
        "--account <account>",
        "--partition <partition>",
        "--integrations <file>",
        "--json",
      ]) {
        assert.ok(check.stdout.includes(option), option);
      }
      assert.match(check.stdout, /Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
      assert.match(check.stdout, /\$ sfn-workflows check order\.asl\.json --region us-east-1 --account 123456789012 --json/);
    });
  });
});
