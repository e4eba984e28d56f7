/**
 * The `sfn-workflows` CLI, run as a real process from its TypeScript source (no build needed):
 * exit codes, the exact `--json` report, stderr messages and the human report.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { formatHuman, shouldColor } from "../../provider/src/cli/human";
import { runCheck } from "../../provider/src/cli/check";
import { CliError } from "../../provider/src/cli/errors";
import { readPolicyStatements } from "../../provider/src/cli/read";

const ROOT = join(__dirname, "..", "..");
const MAIN = join(ROOT, "provider", "src", "cli", "main.ts");
const FIXTURES = "tests/fixtures/cli";
const fixture = (name: string) => `${FIXTURES}/${name}`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI with stdout and stderr as pipes (not a terminal), from the repository root unless
 * `cwd` says otherwise; standard input is `input`, or the open file `stdin`.
 */
function cli(args: string[], options: { input?: string; stdin?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, ["--require", require.resolve("tsx/cjs"), MAIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    ...(options.stdin !== undefined ? { stdio: [options.stdin, "pipe", "pipe"] } : { input: options.input ?? "" }),
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

interface JsonOutput {
  schemaVersion: number;
  ok: boolean;
  files: Array<Record<string, unknown> & { file: string; ok: boolean }>;
  unreadable: Array<{ file: string; message: string; hint: string | null }>;
}

/** The `--json` envelope, in its documented key order. */
function envelope(run: Run): JsonOutput {
  const output = json(run);
  assert.deepEqual(Object.keys(output), ["schemaVersion", "ok", "files", "unreadable"]);
  assert.equal(output.schemaVersion, 1);
  return output as unknown as JsonOutput;
}

/** The files a `--json` run reports, in order. */
const names = (run: Run) => envelope(run).files.map((file) => file.file);

/** The report of the only file of a `--json` run (without its `file`), after checking the envelope. */
function onlyFile(run: Run): Record<string, unknown> {
  const output = envelope(run);
  assert.deepEqual(output.unreadable, []);
  assert.equal(output.files.length, 1);
  assert.deepEqual(Object.keys(output.files[0]), ["file", "ok", "workflowType", "errors", "warnings", "integrations", "policy"]);
  const { file, ...report } = output.files[0];
  assert.equal(typeof file, "string");
  assert.equal(output.ok, report.ok);
  return report;
}

/** The escape character that starts every ANSI colour code. */
const ESC = "\u001b";

describe("sfn-workflows CLI", function () {
  // Each test starts up to three processes, which take seconds each on a busy machine.
  this.timeout(120_000);

  describe("check --json", () => {
    it("reports a valid STANDARD callback definition with its exact policy", () => {
      const run = cli(["check", fixture("approval.asl.json"), "--region", "us-east-1", "--account", "123456789012", "--json"]);
      assert.equal(run.stderr, "");
      assert.equal(run.status, 0);
      // One shape for one file or many: the envelope with schemaVersion, then one report per file.
      assert.deepEqual(json(run), {
        schemaVersion: 1,
        ok: true,
        files: [
          {
            file: fixture("approval.asl.json"),
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
          },
        ],
        unreadable: [],
      });
    });

    it("keeps ${AWS::Region} and ${AWS::AccountId} in ARNs without --region and --account, and honours --partition", () => {
      const unresolved = onlyFile(cli(["check", fixture("approval.asl.json"), "--json"])) as {
        policy: { Statement: { Resource: string[] }[] };
      };
      assert.deepEqual(unresolved.policy.Statement[0].Resource, [
        "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:notify-customer",
        "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:notify-customer:*",
      ]);
      const china = cli(["check", fixture("approval.asl.json"), "--partition", "aws-cn", "--region", "cn-north-1", "--json"]);
      assert.equal(china.status, 0);
      assert.deepEqual((onlyFile(china) as typeof unresolved).policy.Statement[0].Resource, [
        "arn:aws-cn:lambda:cn-north-1:${AWS::AccountId}:function:notify-customer",
        "arn:aws-cn:lambda:cn-north-1:${AWS::AccountId}:function:notify-customer:*",
      ]);
    });

    it("fails an EXPRESS definition with .waitForTaskToken: exit 1, rule express-pattern at the nested state path", () => {
      const run = cli(["check", fixture("express-callback.asl.json"), "--type", "EXPRESS", "--json"]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, "");
      const report = onlyFile(run) as { ok: boolean; workflowType: string; errors: Record<string, unknown>[]; warnings: unknown[] };
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
      assert.equal((onlyFile(standard) as { workflowType: string }).workflowType, "STANDARD");
    });

    it("reports JSON that does not parse as rule invalid-json, exit 1, still one JSON object", () => {
      const run = cli(["check", fixture("invalid.json.txt"), "--json"]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, "");
      const report = onlyFile(run) as { errors: { rule: string; state: null; message: string }[] };
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
      const report = onlyFile(run) as { errors: Array<{ rule: string; code: string | null; line: number; column: number }> };
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
      const report = onlyFile(run) as { ok: boolean; warnings: { rule: string; state: string }[] };
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
      assert.equal((onlyFile(run) as { integrations: { state: string }[] }).integrations[0].state, "Wait for review");
    });

    it("uses the statements of --integrations for an integration the table does not know", () => {
      const unknown = cli(["check", fixture("custom-integration.asl.json"), "--json"]);
      assert.equal(unknown.status, 1);
      assert.deepEqual(
        (onlyFile(unknown) as { errors: { rule: string; state: string }[] }).errors.map(({ rule, state }) => ({ rule, state })),
        [{ rule: "unknown-integration", state: "Do the thing" }],
      );
      const declared = cli(["check", fixture("custom-integration.asl.json"), "--integrations", fixture("integrations.json"), "--json"]);
      assert.equal(declared.status, 0);
      const report = onlyFile(declared) as { errors: unknown[]; policy: unknown };
      assert.deepEqual(report.errors, []);
      assert.deepEqual(report.policy, {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["example:DoThing"], Resource: ["arn:aws:example:us-east-1:123456789012:thing/*"] }],
      });
    });
  });

  describe("--policy-statements: the user's own statements for the role, as a Workflow's policyStatements", () => {
    const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const HINT =
      'hint: the file must hold a list of IAM statements, [{ "Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["arn:aws:kms:REGION:ACCOUNT:key/ID"] }], or a policy document { "Version": "2012-10-17", "Statement": [...] }; see docs/cli.md\n';
    const sqsDefinition = fixture("queue.asl.json");
    let dir: string;
    before(() => (dir = mkdtempSync(join(tmpdir(), "sfn-cli-statements-"))));
    after(() => rmSync(dir, { recursive: true, force: true }));

    /** A statements file in the test's folder, written as given (a string) or as JSON. */
    const statementsFile = (name: string, content: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
      return path;
    };
    const warningRules = (run: Run) => (onlyFile(run) as { warnings: { rule: string }[] }).warnings.map(({ rule }) => rule);

    it("silences kms-key-unknown when the statements grant the key's actions: a list or a policy document, Effect left out as in the component", () => {
      const without = cli(["check", fixture("warnings.asl.json"), "--json"]);
      assert.deepEqual(warningRules(without), ["callback-without-heartbeat", "kms-key-unknown"]);
      const granted = cli(["check", fixture("warnings.asl.json"), "--policy-statements", fixture("key-statements.json"), "--json"]);
      assert.equal(granted.status, 0);
      assert.deepEqual(warningRules(granted), ["callback-without-heartbeat"]);
      // The statements only answer the warning: the policy is still the one the definition needs.
      assert.deepEqual((onlyFile(granted) as { policy: unknown }).policy, (onlyFile(without) as { policy: unknown }).policy);

      const document = statementsFile("document.json", {
        Version: "2012-10-17",
        Statement: { Action: "kms:*", Resource: "arn:aws:kms:*" },
      });
      assert.deepEqual(warningRules(cli(["check", fixture("warnings.asl.json"), "--policy-statements", document, "--json"])), [
        "callback-without-heartbeat",
      ]);
      const queueKey = statementsFile("queue-key.json", {
        Statement: [{ Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: [KEY] }],
      });
      assert.deepEqual(warningRules(cli(["check", sqsDefinition, "--json"])), ["kms-key-unknown"]);
      assert.deepEqual(warningRules(cli(["check", sqsDefinition, "--policy-statements", queueKey, "--json"])), []);
    });

    it("reads the statements as the component reads policyStatements: lists of actions and resources, Effect Allow when left out", () => {
      assert.deepEqual(readPolicyStatements(join(ROOT, fixture("key-statements.json"))), [
        { Effect: "Allow", Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: [KEY] },
      ]);
      const document = statementsFile("conditions.json", {
        Version: "2012-10-17",
        Id: "extra",
        Statement: [
          { Action: "kms:Decrypt", Resource: [KEY], Condition: { StringEquals: { "kms:ViaService": "sqs.us-east-1.amazonaws.com" } } },
          { Effect: "Deny", Action: ["kms:ScheduleKeyDeletion"], Resource: "*" },
        ],
      });
      assert.deepEqual(readPolicyStatements(document), [
        {
          Effect: "Allow",
          Action: ["kms:Decrypt"],
          Resource: [KEY],
          Condition: { StringEquals: { "kms:ViaService": "sqs.us-east-1.amazonaws.com" } },
        },
        { Effect: "Deny", Action: ["kms:ScheduleKeyDeletion"], Resource: ["*"] },
      ]);
    });

    it("keeps kms-key-unknown when the statements do not grant every action on something that may be the key", () => {
      const kept = (name: string, statements: unknown) =>
        assert.deepEqual(
          warningRules(cli(["check", sqsDefinition, "--policy-statements", statementsFile(name, statements), "--json"])),
          ["kms-key-unknown"],
          name,
        );
      kept("decrypt-only.json", [{ Effect: "Allow", Action: ["kms:Decrypt"], Resource: [KEY] }]);
      kept("deny.json", [{ Effect: "Deny", Action: ["kms:*"], Resource: ["*"] }]);
      kept("alias.json", [{ Effect: "Allow", Action: ["kms:*"], Resource: ["arn:aws:kms:us-east-1:123456789012:alias/jobs"] }]);
      kept("queue-not-key.json", [{ Effect: "Allow", Action: ["kms:*"], Resource: ["arn:aws:sqs:us-east-1:123456789012:jobs"] }]);
      kept("empty.json", []);
    });

    it("the human report says how to answer kms-key-unknown on the command line", () => {
      const run = cli(["check", sqsDefinition]);
      assert.equal(run.status, 0);
      assert.ok(
        run.stdout
          .split("\n")
          .includes(
            "    (on the command line: put the statement in a JSON file passed with --policy-statements (see sfn-workflows check --help))",
          ),
      );
    });

    it("graph takes the same file: the warning it answers is not drawn", () => {
      const without = cli(["graph", fixture("warnings.asl.json")]);
      assert.equal(without.status, 0);
      assert.match(without.stdout, /<br\/>warning: callback-without-heartbeat<br\/>warning: kms-key-unknown"\]/);
      const granted = cli(["graph", fixture("warnings.asl.json"), "--policy-statements", fixture("key-statements.json")]);
      assert.equal(granted.status, 0);
      assert.match(granted.stdout, /<br\/>warning: callback-without-heartbeat"\]/);
      assert.doesNotMatch(granted.stdout, /kms-key-unknown/);
    });

    it("a file that cannot be used is a usage error (exit 2, nothing on stdout, also with --json) naming the file, what is wrong and the fix", () => {
      const usage = (args: string[], error: string, hint = HINT) => {
        const run = cli(args);
        assert.equal(run.status, 2, args.join(" "));
        assert.equal(run.stdout, "");
        assert.equal(run.stderr, `error: ${error}\n${hint}`);
      };
      // The shapes are read in-process, by the reader the CLI uses; the runs above and below show how its errors end.
      const bad = (name: string, content: unknown, problem: string) => {
        const path = statementsFile(name, content);
        assert.throws(
          () => readPolicyStatements(path),
          (error) =>
            error instanceof CliError && error.message === `policy statements file "${path}"${problem}` && `hint: ${error.hint}\n` === HINT,
          name,
        );
      };
      const truncated = statementsFile("truncated.json", '[{"Effect": "Allow"');
      usage(
        ["check", sqsDefinition, "--policy-statements", truncated],
        `policy statements file "${truncated}" is not valid JSON: Expected ',' or '}' after property value in JSON at position 19 (line 1 column 20)`,
      );
      usage(
        ["check", sqsDefinition, "--policy-statements", "no/such.json"],
        'policy statements file "no/such.json" does not exist',
        `hint: check the path; relative paths are resolved from ${ROOT}\n`,
      );
      usage(
        ["check", sqsDefinition, "--policy-statements", "no/such.json", "--json"],
        'policy statements file "no/such.json" does not exist',
        `hint: check the path; relative paths are resolved from ${ROOT}\n`,
      );
      usage(
        ["graph", sqsDefinition, "--policy-statements", "no/such.json"],
        'policy statements file "no/such.json" does not exist',
        `hint: check the path; relative paths are resolved from ${ROOT}\n`,
      );
      bad("string.json", '"kms:Decrypt"', ": the file must contain a list of statements or a policy document object");
      bad(
        "one.json",
        { Effect: "Allow", Action: "kms:*", Resource: "*" },
        ": the file holds one statement, not a list: put it in [ ] or in a policy document's Statement",
      );
      bad(
        "role-policy.json",
        { RoleName: "r", PolicyName: "p", PolicyDocument: { Statement: [] } },
        ': the file is an object without "Statement" (its keys: RoleName, PolicyName, PolicyDocument)',
      );
      bad(
        "extra-key.json",
        { Statement: [], Principal: "*" },
        ": the policy document has Principal; only Version, Id and Statement are supported",
      );
      bad("statement-string.json", { Statement: "kms:*" }, ": Statement must be a list of statements or one statement object");
      bad("not-object.json", [["kms:*"]], ": [0] must be an IAM statement object");
      bad(
        "not-action.json",
        { Statement: [{ Effect: "Allow", NotAction: "kms:*", Resource: "*" }] },
        ": Statement[0] has NotAction; only Sid, Effect, Action, Resource and Condition are supported",
      );
      bad(
        "effect.json",
        [{ Effect: "allow", Action: "kms:*", Resource: "*" }],
        ': [0].Effect must be "Allow" or "Deny" (left out, it is Allow)',
      );
      bad("no-action.json", [{ Resource: "*" }], ": [0].Action must be an action or a non-empty list of actions");
      bad("empty-resource.json", [{ Action: "kms:*", Resource: [] }], ": [0].Resource must be an ARN or a non-empty list of ARNs");
      bad("condition.json", [{ Action: "kms:*", Resource: "*", Condition: "none" }], ": [0].Condition must be an object");
    });

    it("standard input is read once: FILE and --policy-statements (and --integrations) cannot all be -", () => {
      const stdin = (args: string[], error: string, hint: string) => {
        const run = cli(args);
        assert.equal(run.status, 2);
        assert.equal(run.stdout, "");
        assert.equal(run.stderr, `error: ${error}\nhint: ${hint}\n`);
      };
      stdin(
        ["check", "-", "--policy-statements", "-"],
        "FILE and --policy-statements both ask for standard input",
        "pass one of them as a file path",
      );
      stdin(
        ["check", "-", "--integrations", "-", "--policy-statements", "-"],
        "FILE, --integrations and --policy-statements all ask for standard input",
        "pass all but one of them as a file path",
      );
      stdin(
        ["graph", "-", "--policy-statements", "-"],
        "FILE and --policy-statements both ask for standard input",
        "pass one of them as a file path",
      );
      const fromStdin = cli(["check", sqsDefinition, "--policy-statements", "-", "--json"], {
        input: readFileSync(join(ROOT, fixture("key-statements.json")), "utf8").replace("GenerateDataKey*", "GenerateDataKey"),
      });
      assert.deepEqual(warningRules(fromStdin), []);
    });
  });

  describe("usage and I/O errors: exit 2 and a message on stderr (usage errors print nothing on stdout)", () => {
    const expectUsage = (run: Run, message: RegExp) => {
      assert.equal(run.status, 2);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, message);
    };

    it("a missing file; with --json, the JSON object lists it as unreadable", () => {
      const missing = "no/such/definition.json";
      expectUsage(cli(["check", missing]), /^error: definition file "no\/such\/definition\.json" does not exist\nhint: check the path/);
      const run = cli(["check", missing, "--json"]);
      assert.equal(run.status, 2);
      assert.equal(
        run.stderr,
        `error: definition file "${missing}" does not exist\nhint: check the path; relative paths are resolved from ${ROOT}\n`,
      );
      assert.deepEqual(json(run), {
        schemaVersion: 1,
        ok: false,
        files: [],
        unreadable: [
          {
            file: missing,
            message: `definition file "${missing}" does not exist`,
            hint: `check the path; relative paths are resolved from ${ROOT}`,
          },
        ],
      });
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
      expectUsage(cli(["check"]), /missing required argument 'files'[\s\S]*sfn-workflows check --help/);
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

  describe("several files and patterns", () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "sfn-cli-"));
      mkdirSync(join(dir, "defs", "sub"), { recursive: true });
      mkdirSync(join(dir, "defs", "folder.asl.json"));
      mkdirSync(join(dir, "literal"));
      copyFileSync(join(ROOT, fixture("approval.asl.json")), join(dir, "defs", "a.asl.json"));
      copyFileSync(join(ROOT, fixture("warnings.asl.json")), join(dir, "defs", "sub", "b.asl.json"));
      copyFileSync(join(ROOT, fixture("invalid.json.txt")), join(dir, "defs", "sub", "c.txt"));
      copyFileSync(join(ROOT, fixture("approval.asl.json")), join(dir, "defs", ".hidden.asl.json"));
      copyFileSync(join(ROOT, fixture("approval.asl.json")), join(dir, "literal", "[1].asl.json"));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    // Each file's part is what checking it alone prints (those outputs are tested exactly above).
    const STANDARD = { type: "STANDARD", partition: "aws" } as const;
    const alone = (file: string) => formatHuman(runCheck(file, STANDARD), { color: false });
    const aloneJson = (file: string) => JSON.parse(JSON.stringify({ file, ...runCheck(file, STANDARD).report })) as unknown;

    it("prints each file's report in order, then a summary; exit 1 when one has errors", () => {
      const [pass, fail] = [fixture("approval.asl.json"), fixture("invalid.json.txt")];
      const run = cli(["check", pass, fail]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, "");
      assert.equal(run.stdout, `${alone(pass)}\n${alone(fail)}\nSummary: 2 files: 1 passed, 1 failed (1 error, 1 warning)\n`);
    });

    it("--json: one object for all files, each report as for the file alone; options apply to every file", () => {
      const [pass, fail] = [fixture("approval.asl.json"), fixture("invalid.json.txt")];
      const run = cli(["check", pass, fail, "--json"]);
      assert.equal(run.status, 1);
      assert.deepEqual(json(run), {
        schemaVersion: 1,
        ok: false,
        files: [aloneJson(pass), aloneJson(fail)],
        unreadable: [],
      });
      const express = envelope(cli(["check", pass, fixture("warnings.asl.json"), "--type", "EXPRESS", "--json"]));
      assert.deepEqual(
        express.files.map(({ file, ok, workflowType }) => ({ file, ok, workflowType })),
        [
          { file: pass, ok: false, workflowType: "EXPRESS" },
          { file: fixture("warnings.asl.json"), ok: false, workflowType: "EXPRESS" },
        ],
      );
    });

    it("exit 0 when every file passes, warnings counted in the summary", () => {
      const run = cli(["check", fixture("approval.asl.json"), fixture("warnings.asl.json")]);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.split("\n").at(-2), "Summary: 2 files: 2 passed, 0 failed (0 errors, 3 warnings)");
    });

    it("checks every file when one cannot be read, and exits 2 (the worst)", () => {
      const [pass, missing, fail] = [fixture("approval.asl.json"), "no/such.asl.json", fixture("invalid.json.txt")];
      const message = `error: definition file "${missing}" does not exist\nhint: check the path; relative paths are resolved from ${ROOT}\n`;
      const human = cli(["check", pass, missing, fail]);
      assert.equal(human.status, 2);
      assert.equal(human.stderr, message);
      assert.equal(
        human.stdout,
        `${alone(pass)}\n${alone(fail)}\nSummary: 3 files: 1 passed, 1 failed, 1 could not be read (1 error, 1 warning)\n`,
      );
      // Exit 2 also when every file that could be read passes.
      const run = cli(["check", missing, pass, "--json"]);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, message);
      assert.deepEqual(json(run), {
        schemaVersion: 1,
        ok: false,
        files: [aloneJson(pass)],
        unreadable: [
          {
            file: missing,
            message: `definition file "${missing}" does not exist`,
            hint: `check the path; relative paths are resolved from ${ROOT}`,
          },
        ],
      });
    });

    it("expands quoted patterns itself: ** at any depth, files only, sorted, no dot files, each file once", () => {
      const run = cli(["check", "defs/**/*.asl.json", "--json"], { cwd: dir });
      assert.equal(run.status, 0);
      assert.equal(run.stderr, "");
      assert.deepEqual(names(run), ["defs/a.asl.json", "defs/sub/b.asl.json"]);
      assert.deepEqual(
        names(cli(["check", "defs/sub/b.asl.json", "defs/**/*.asl.json", "defs/{a,sub/b}.asl.json", "--json"], { cwd: dir })),
        ["defs/sub/b.asl.json", "defs/a.asl.json"],
      );
      // A path that exists is taken as written, even with pattern characters in it.
      assert.deepEqual(names(cli(["check", "literal/[1].asl.json", "--json"], { cwd: dir })), ["literal/[1].asl.json"]);
    });

    it("a pattern that matches no file is a usage error naming it: exit 2, nothing checked", () => {
      const run = cli(["check", "defs/a.asl.json", "defs/**/*.yaml", "--json"], { cwd: dir });
      assert.equal(run.status, 2);
      assert.equal(run.stdout, "");
      assert.equal(
        run.stderr,
        `error: the pattern "defs/**/*.yaml" matches no files\nhint: patterns are resolved from ${dir}; use / between folders and ** for any depth, for example "defs/**/*.asl.json"\n`,
      );
      // A directory matched by a pattern is not a file: a pattern matching only directories matches no files.
      assert.match(cli(["check", "defs/folder*"], { cwd: dir }).stderr, /^error: the pattern "defs\/folder\*" matches no files/);
    });

    it("standard input only on its own", () => {
      const run = cli(["check", "-", fixture("approval.asl.json")]);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, "");
      assert.equal(run.stderr, "error: - (standard input) cannot be combined with other files\nhint: check standard input on its own\n");
    });
  });

  describe("files that are not regular files, and size", () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "sfn-cli-"));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const refusal = (file: string, kind: string) =>
      `error: definition file "${file}" is ${kind}, not a regular file\nhint: pass a regular file; to read a pipe or a device, redirect it to standard input and pass - instead\n`;

    it("refuses a named pipe at once instead of waiting for a writer, and checks the other files", () => {
      const fifo = join(dir, "definition.fifo");
      execFileSync("mkfifo", [fifo]);
      const alone = cli(["check", fifo]);
      assert.equal(alone.status, 2);
      assert.equal(alone.stdout, "");
      assert.equal(alone.stderr, refusal(fifo, "a named pipe (FIFO)"));
      const run = cli(["check", fifo, fixture("approval.asl.json"), "--json"]);
      assert.equal(run.status, 2);
      assert.deepEqual(names(run), [fixture("approval.asl.json")]);
      assert.deepEqual(
        envelope(run).unreadable.map(({ file, message }) => ({ file, message })),
        [{ file: fifo, message: `definition file "${fifo}" is a named pipe (FIFO), not a regular file` }],
      );
      assert.match(
        cli(["check", fixture("approval.asl.json"), "--integrations", fifo]).stderr,
        /^error: integrations file ".*definition\.fifo" is a named pipe \(FIFO\)/,
      );
    });

    it("refuses a device such as /dev/zero instead of reading without end", () => {
      const run = cli(["check", "/dev/zero"]);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, "");
      assert.equal(run.stderr, refusal("/dev/zero", "a character device"));
    });

    it("reads standard input up to 4 MiB, then stops: /dev/zero as standard input is refused", () => {
      const zero = openSync("/dev/zero", "r");
      try {
        const run = cli(["check", "-"], { stdin: zero });
        assert.equal(run.status, 2);
        assert.equal(run.stdout, "");
        assert.equal(
          run.stderr,
          "error: standard input is larger than 4194304 bytes (4 MiB) and was not read\nhint: Step Functions accepts definitions of at most 1048576 bytes (1 MiB)\n",
        );
      } finally {
        closeSync(zero);
      }
    });

    it("a file over 1 MiB is a definition error (definition-too-large); over 4 MiB it is not read", () => {
      const definition = (bytes: number) => {
        const head = '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}},"Comment":"';
        return `${head}${"x".repeat(bytes - head.length - 2)}"}`;
      };
      const large = join(dir, "large.asl.json");
      writeFileSync(large, definition(1_048_577));
      const run = cli(["check", large, "--json"]);
      assert.equal(run.status, 1);
      assert.deepEqual(
        (onlyFile(run).errors as { rule: string; message: string }[]).map(({ rule, message }) => ({ rule, message })),
        [
          {
            rule: "definition-too-large",
            message:
              "the definition is 1048577 bytes; Step Functions accepts at most 1048576 (1 MiB): move large constants out of the definition",
          },
        ],
      );
      const huge = join(dir, "huge.asl.json");
      writeFileSync(huge, definition(4 * 1_048_576 + 1));
      const refused = cli(["check", huge]);
      assert.equal(refused.status, 2);
      assert.equal(refused.stdout, "");
      assert.match(refused.stderr, /^error: definition file ".*huge\.asl\.json" is larger than 4194304 bytes \(4 MiB\) and was not read\n/);
    });
  });

  describe("Distributed Map readers and writers in the integrations", () => {
    it("lists ItemReader and ResultWriter with the Map's state path and kind, in definition order", () => {
      const run = cli(["check", fixture("distributed-map.asl.json"), "--json"]);
      assert.equal(run.status, 0);
      const s3 = (state: string, action: string, kind: string) => ({
        state,
        resource: `arn:aws:states:::s3:${action}`,
        kind,
        service: "s3",
        action,
        pattern: "request-response",
      });
      assert.deepEqual(onlyFile(run).integrations, [
        s3("Export", "getObject", "item-reader"),
        s3("Export", "putObject", "result-writer"),
        {
          state: "Export > Archive",
          resource: "arn:aws:states:::lambda:invoke",
          kind: "optimized",
          service: "lambda",
          action: "invoke",
          pattern: "request-response",
        },
        // Its ResultWriter has only a WriterConfig: it shapes the output and calls nothing.
        s3("Fan out > branch 1 > List logs", "listObjectsV2", "item-reader"),
      ]);
      const human = cli(["check", fixture("distributed-map.asl.json")]).stdout.split("\n");
      const table = human.slice(human.indexOf("Integrations (4)") + 1, human.indexOf("Integrations (4)") + 6);
      assert.deepEqual(table, [
        "  STATE                           INTEGRATION       PATTERN           KIND",
        "  Export                          s3:getObject      request-response  item-reader",
        "  Export                          s3:putObject      request-response  result-writer",
        "  Export > Archive                lambda:invoke     request-response  optimized",
        "  Fan out > branch 1 > List logs  s3:listObjectsV2  request-response  item-reader",
      ]);
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
      assert.match(top.stdout, /check \[options\] <files\.\.\.>/);
      const check = cli(["check", "--help"]);
      assert.equal(check.status, 0);
      for (const option of [
        "--type <type>",
        "--region <region>",
        "--account <account>",
        "--partition <partition>",
        "--integrations <file>",
        "--policy-statements <file>",
        "--json",
      ]) {
        assert.ok(check.stdout.includes(option), option);
      }
      assert.match(check.stdout, /Exit codes \(the worst over all files\):\n {2}0 .*\n {2}1 .*\n {2}2 /);
      assert.match(check.stdout, /\$ sfn-workflows check order\.asl\.json --region us-east-1 --account 123456789012 --json/);
    });
  });
});
