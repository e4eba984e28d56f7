/** Unit tests of the analysis building blocks: walk, task arguments, task token, placeholders, resources, policies. */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import { mergeStatements, policyDocument, policySize, splitStatements } from "../../provider/src/analysis/policy";
import {
  callbackNameOf,
  callbackPlaceholders,
  collectPlaceholders,
  hasPlaceholder,
  placeholdersIn,
  substitute,
} from "../../provider/src/model/placeholders";
import { classifyResource } from "../../provider/src/analysis/resource";
import { isJsonataExpression, TaskArgs } from "../../provider/src/model/taskArgs";
import { passesTaskToken } from "../../provider/src/analysis/taskToken";
import type { PolicyStatement } from "../../provider/src/model/types";
import { walkDefinition, walkStates } from "../../provider/src/model/walk";

const pass = { Type: "Pass", End: true };
const branch = (states: Record<string, unknown>) => ({ StartAt: Object.keys(states)[0], States: states });

describe("walk", () => {
  const definition = {
    StartAt: "Fan out",
    States: {
      "Fan out": {
        Type: "Parallel",
        Next: "Each",
        Branches: [
          branch({ Left: pass }),
          branch({
            "Inner map": {
              Type: "Map",
              End: true,
              ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, ...branch({ "a/b~c": pass }) },
            },
          }),
        ],
      },
      Each: { Type: "Map", End: true, Iterator: branch({ Legacy: pass }) },
    },
  };

  it("lists every state depth first, with readable paths and JSON pointers", () => {
    const states = walkStates(definition).map(({ name, path, pointer }) => ({ name, path, pointer }));
    assert.deepEqual(states, [
      { name: "Fan out", path: "Fan out", pointer: "/States/Fan out" },
      { name: "Left", path: "Fan out > branch 1 > Left", pointer: "/States/Fan out/Branches/0/States/Left" },
      { name: "Inner map", path: "Fan out > branch 2 > Inner map", pointer: "/States/Fan out/Branches/1/States/Inner map" },
      {
        name: "a/b~c",
        path: "Fan out > branch 2 > Inner map > a/b~c",
        pointer: "/States/Fan out/Branches/1/States/Inner map/ItemProcessor/States/a~1b~0c",
      },
      { name: "Each", path: "Each", pointer: "/States/Each" },
      { name: "Legacy", path: "Each > Legacy", pointer: "/States/Each/Iterator/States/Legacy" },
    ]);
  });

  it("lists every machine with its path and a label for messages", () => {
    const machines = walkDefinition(definition).machines.map(({ path, label, pointer, states }) => ({
      path,
      label,
      pointer,
      states: states.map((state) => state.name),
    }));
    assert.deepEqual(machines, [
      { path: null, label: "the state machine", pointer: "", states: ["Fan out", "Each"] },
      { path: "Fan out > branch 1", label: 'branch 1 of "Fan out"', pointer: "/States/Fan out/Branches/0", states: ["Left"] },
      { path: "Fan out > branch 2", label: 'branch 2 of "Fan out"', pointer: "/States/Fan out/Branches/1", states: ["Inner map"] },
      {
        path: "Fan out > branch 2 > Inner map",
        label: 'the item processor of "Inner map"',
        pointer: "/States/Fan out/Branches/1/States/Inner map/ItemProcessor",
        states: ["a/b~c"],
      },
      { path: "Each", label: 'the item processor of "Each"', pointer: "/States/Each/Iterator", states: ["Legacy"] },
    ]);
  });

  it("skips what is not a state or a machine", () => {
    const odd = {
      States: {
        Null: null,
        List: [pass],
        Text: "x",
        "Not parallel": { Type: "Task", Branches: [branch({ Hidden: pass })] },
        "Bad branches": { Type: "Parallel", Branches: [null, 5, branch({ Shown: pass }), { States: "x" }] },
        "Map without processor": { Type: "Map", ItemProcessor: [branch({ Hidden2: pass })] },
      },
    };
    assert.deepEqual(
      walkStates(odd).map((state) => state.path),
      ["Not parallel", "Bad branches", "Bad branches > branch 3 > Shown", "Map without processor"],
    );
    assert.deepEqual(walkStates({ States: "none" }), []);
    assert.deepEqual(walkStates({}), []);
  });

  describe("query language", () => {
    const languages = (definition: Record<string, unknown>) =>
      Object.fromEntries(walkStates(definition).map((state) => [state.path, state.queryLanguage]));
    const nested = (top: Record<string, unknown>, parallel: Record<string, unknown>, inner: Record<string, unknown>) => ({
      ...top,
      StartAt: "P",
      States: {
        P: { Type: "Parallel", End: true, ...parallel, Branches: [branch({ Inner: { ...pass, ...inner }, Other: pass })] },
        M: { Type: "Map", End: true, ...parallel, ItemProcessor: branch({ Item: { ...pass, ...inner } }) },
      },
    });

    it("defaults to JSONPath", () => {
      assert.deepEqual(languages(nested({}, {}, {})), {
        P: "JSONPath",
        "P > branch 1 > Inner": "JSONPath",
        "P > branch 1 > Other": "JSONPath",
        M: "JSONPath",
        "M > Item": "JSONPath",
      });
    });

    it("gives every state the top-level QueryLanguage, nested ones included", () => {
      assert.deepEqual(new Set(Object.values(languages(nested({ QueryLanguage: "JSONata" }, {}, {})))), new Set(["JSONata"]));
    });

    it("does not pass a Parallel or Map state's own QueryLanguage to the states inside it", () => {
      assert.deepEqual(languages(nested({}, { QueryLanguage: "JSONata" }, {})), {
        P: "JSONata",
        "P > branch 1 > Inner": "JSONPath",
        "P > branch 1 > Other": "JSONPath",
        M: "JSONata",
        "M > Item": "JSONPath",
      });
    });

    it("lets a state choose its own, and ignores values that are no query language", () => {
      const chosen = languages(nested({}, {}, { QueryLanguage: "JSONata" }));
      assert.equal(chosen["P > branch 1 > Inner"], "JSONata");
      assert.equal(chosen["P > branch 1 > Other"], "JSONPath");
      assert.equal(chosen["M > Item"], "JSONata");
      const odd = languages(nested({ QueryLanguage: "jsonata" }, { QueryLanguage: 5 }, {}));
      assert.deepEqual(new Set(Object.values(odd)), new Set(["JSONPath"]));
    });
  });
});

describe("TaskArgs", () => {
  it("reads literal strings and numbers at dotted paths, and reports absent ones", () => {
    const args = new TaskArgs({ QueueUrl: "https://q", Retries: 3, Nested: { Name: "n", Flag: true }, Empty: null }, "JSONPath");
    assert.deepEqual(args.value("QueueUrl"), { kind: "literal", value: "https://q" });
    assert.deepEqual(args.value("Retries"), { kind: "literal", value: "3" });
    assert.deepEqual(args.value("Nested.Name"), { kind: "literal", value: "n" });
    for (const path of ["Nested.Flag", "Empty", "Missing", "Nested.Missing.Deeper", "QueueUrl.Inner"]) {
      assert.deepEqual(args.value(path), { kind: "absent" }, path);
    }
  });

  it("treats a JSONPath `.$` field as computed at run time, wherever it sits on the path", () => {
    const args = new TaskArgs({ "QueueUrl.$": "$.queue", "Nested.$": "$.nested", Plain: "$.not.a.path" }, "JSONPath");
    assert.deepEqual(args.value("QueueUrl"), { kind: "dynamic", path: "QueueUrl.$" });
    assert.deepEqual(args.value("Nested.Name"), { kind: "dynamic", path: "Nested.$" });
    assert.deepEqual(args.value("Plain"), { kind: "literal", value: "$.not.a.path" });
  });

  it("treats `{% ... %}` as computed in JSONata, for a field or for all the arguments", () => {
    const args = new TaskArgs({ QueueUrl: "{% $states.input.q %}", Literal: "{% not closed", "Key.$": "$.x" }, "JSONata");
    assert.deepEqual(args.value("QueueUrl"), { kind: "dynamic", path: "QueueUrl" });
    assert.deepEqual(args.value("Literal"), { kind: "literal", value: "{% not closed" });
    assert.deepEqual(args.value("Key"), { kind: "absent" });
    assert.deepEqual(new TaskArgs("{% $states.input %}", "JSONata").value("QueueUrl"), { kind: "dynamic", path: "(all arguments)" });
    assert.deepEqual(new TaskArgs({ Nested: "{% $x %}" }, "JSONata").value("Nested.Name"), { kind: "dynamic", path: "Nested" });
    assert.equal(isJsonataExpression("  {% 1 + 1 %} "), true);
    assert.equal(isJsonataExpression("{% 1 + 1"), false);
    assert.equal(isJsonataExpression(5), false);
  });

  it("visits every element of an array with `[]`, one value per element", () => {
    const args = new TaskArgs({ Entries: [{ EventBusName: "a" }, { Detail: "x" }, "text", { EventBusName: 7 }] }, "JSONPath");
    assert.deepEqual(args.values("Entries[].EventBusName"), [
      { kind: "literal", value: "a" },
      { kind: "absent" },
      { kind: "absent" },
      { kind: "literal", value: "7" },
    ]);
    assert.deepEqual(args.value("Entries[].EventBusName"), { kind: "literal", value: "a" });
    assert.deepEqual(new TaskArgs({ Entries: "x" }, "JSONPath").values("Entries[].EventBusName"), [{ kind: "absent" }]);
    assert.deepEqual(new TaskArgs({ Entries: [] }, "JSONPath").values("Entries[].EventBusName"), [{ kind: "absent" }]);
  });

  it("so events:putEvents also grants the default bus to an entry without EventBusName", () => {
    const definition = {
      StartAt: "Emit",
      States: {
        Emit: {
          Type: "Task",
          Resource: "arn:aws:states:::events:putEvents",
          Parameters: { Entries: [{ EventBusName: "orders", Detail: {} }, { Detail: {} }] },
          End: true,
        },
      },
    };
    const result = analyze(definition, { region: "us-east-1", account: "123456789012" });
    assert.deepEqual(result.statements, [
      {
        Effect: "Allow",
        Action: ["events:PutEvents"],
        Resource: ["arn:aws:events:us-east-1:123456789012:event-bus/default", "arn:aws:events:us-east-1:123456789012:event-bus/orders"],
      },
    ]);
  });

  it("stops at the first computed element of an array", () => {
    const args = new TaskArgs({ Entries: [{ EventBusName: "a" }, { "EventBusName.$": "$.bus" }] }, "JSONPath");
    assert.deepEqual(args.values("Entries[].EventBusName"), [{ kind: "dynamic", path: "Entries[1].EventBusName.$" }]);
  });

  it("reads own fields only: `constructor` or `toString` are not arguments", () => {
    const args = new TaskArgs({}, "JSONPath");
    assert.deepEqual(args.value("constructor"), { kind: "absent" });
    assert.deepEqual(args.value("toString"), { kind: "absent" });
    assert.deepEqual(new TaskArgs(JSON.parse('{"__proto__": {"Name": "n"}}'), "JSONPath").value("__proto__.Name"), {
      kind: "literal",
      value: "n",
    });
  });
});

describe("passesTaskToken", () => {
  const jsonPath = (value: string) => passesTaskToken({ Message: { "token.$": value } }, "JSONPath");

  it("finds $$.Task.Token and the context objects holding it, in paths and intrinsic functions", () => {
    for (const value of [
      "$$.Task.Token",
      "$$.Task",
      "$$",
      "$$['Task']['Token']",
      '$$["Task"]["Token"]',
      "$$.Task['Token']",
      "States.Format('{}', $$.Task.Token)",
      "States.JsonToString($$.Task)",
      "States.Array($$.Execution.Id, $$.Task.Token)",
      "States.Format('it''s {}', $$.Task.Token)",
    ]) {
      assert.equal(jsonPath(value), true, value);
    }
  });

  it("ignores other context paths, the state input, and `$$` inside string arguments", () => {
    for (const value of [
      "$$.Execution.Id",
      "$$.Task.TokenX",
      "$$.Tasks",
      "$.Task.Token",
      "States.Format('$$.Task.Token is {}', $.x)",
      "$$.Map.Item.Value",
    ]) {
      assert.equal(jsonPath(value), false, value);
    }
  });

  it("only reads `.$` fields in JSONPath, in objects and arrays at any depth", () => {
    assert.equal(passesTaskToken({ token: "$$.Task.Token" }, "JSONPath"), false);
    assert.equal(passesTaskToken({ a: [{ b: { "c.$": "$$.Task.Token" } }] }, "JSONPath"), true);
    assert.equal(passesTaskToken(["$$.Task.Token"], "JSONPath"), false);
    assert.equal(passesTaskToken(undefined, "JSONPath"), false);
  });

  it("finds $states.context.Task.Token in JSONata expressions", () => {
    const jsonata = (value: unknown) => passesTaskToken(value, "JSONata");
    for (const value of [
      "{% $states.context.Task.Token %}",
      "{% $states.context.Task %}",
      "{% $states.context %}",
      "{% $states %}",
      "{% {'token': $states.context.Task.Token} %}",
      "{% $string($states.context.Task.Token) %}",
      "{% ($x := $states.context.Task.Token; $x) %}",
    ]) {
      assert.equal(jsonata({ MessageBody: value }), true, value);
    }
    for (const value of [
      "{% $states.context.Execution.Id %}",
      "{% $states.input.Task.Token %}",
      "$states.context.Task.Token",
      "{% $states.context.Task.Token",
      "{% (( %}",
    ]) {
      assert.equal(jsonata({ MessageBody: value }), false, value);
    }
    assert.equal(jsonata("{% {'MessageBody': $states.context.Task.Token} %}"), true);
    assert.equal(jsonata({ "token.$": "$$.Task.Token" }), false);
  });
});

describe("placeholders", () => {
  it("finds ${Name} placeholders in order", () => {
    assert.deepEqual(placeholdersIn("${A}-${B.c}-${A}-$${x}-${}-${a{b}"), ["A", "B.c", "A", "x"]);
    assert.equal(hasPlaceholder("arn:${AWS::Partition}:states"), true);
    assert.equal(hasPlaceholder("no $ {x} here"), false);
  });

  it("collects placeholders from strings anywhere in a value, keys included", () => {
    const found = collectPlaceholders({ "${Key}": ["${Item}", { deep: "${Deep} ${Item}" }], n: 1, b: null });
    assert.deepEqual([...found].sort(), ["Deep", "Item", "Key"]);
  });

  it("substitutes known placeholders in strings and keys and leaves unknown ones", () => {
    const value = { "${K}": ["${A} and ${B}", 3, null], nested: { x: "${A}" } };
    assert.deepEqual(substitute(value, { A: "alpha", K: "key" }), { key: ["alpha and ${B}", 3, null], nested: { x: "alpha" } });
    assert.deepEqual(value, { "${K}": ["${A} and ${B}", 3, null], nested: { x: "${A}" } }, "the input is not changed");
  });

  it("leaves placeholders named like inherited object keys as written", () => {
    assert.deepEqual(substitute(["${constructor}", "${toString}", "${__proto__}"], { A: "alpha" }), [
      "${constructor}",
      "${toString}",
      "${__proto__}",
    ]);
  });

  it("names a callback's built-in placeholders and recognises them", () => {
    assert.deepEqual(callbackPlaceholders("approvals"), {
      queueUrl: "callbacks.approvals.queueUrl",
      queueArn: "callbacks.approvals.queueArn",
    });
    assert.equal(callbackNameOf("callbacks.approvals.queueUrl"), "approvals");
    assert.equal(callbackNameOf("callbacks.approvals.queueArn"), "approvals");
    for (const other of ["callbacks.approvals.queueName", "callbacks.a.b.queueUrl", "approvals.queueUrl", "callbacks..queueUrl"]) {
      assert.equal(callbackNameOf(other), undefined, other);
    }
  });
});

describe("classifyResource", () => {
  const cases: Array<[string, ReturnType<typeof classifyResource>]> = [
    [
      "arn:aws:states:::sqs:sendMessage",
      { kind: "optimized", service: "sqs", action: "sendMessage", pattern: "request-response", partition: "aws" },
    ],
    [
      "arn:aws:states:::lambda:invoke.waitForTaskToken",
      { kind: "optimized", service: "lambda", action: "invoke", pattern: "callback", partition: "aws" },
    ],
    [
      "arn:aws-cn:states:::ecs:runTask.sync",
      { kind: "optimized", service: "ecs", action: "runTask", pattern: "sync", partition: "aws-cn" },
    ],
    [
      "arn:aws-us-gov:states:::states:startExecution.sync:2",
      { kind: "optimized", service: "states", action: "startExecution", pattern: "sync:2", partition: "aws-us-gov" },
    ],
    [
      "arn:aws:states:::emr-containers:startJobRun.sync",
      { kind: "optimized", service: "emr-containers", action: "startJobRun", pattern: "sync", partition: "aws" },
    ],
    [
      "arn:aws:states:::aws-sdk:s3:listObjectsV2",
      { kind: "aws-sdk", service: "s3", action: "listObjectsV2", pattern: "request-response", partition: "aws" },
    ],
    [
      "arn:aws-cn:states:::aws-sdk:dynamodb:query.waitForTaskToken",
      { kind: "aws-sdk", service: "dynamodb", action: "query", pattern: "callback", partition: "aws-cn" },
    ],
    [
      "arn:aws:states:::aws-sdk:sfn:startExecution.sync",
      { kind: "aws-sdk", service: "sfn", action: "startExecution", pattern: "sync", partition: "aws" },
    ],
    [
      "arn:aws:lambda:us-east-1:123456789012:function:my-fn",
      { kind: "lambda-arn", service: "lambda", action: "invoke", pattern: "request-response", partition: "aws" },
    ],
    [
      "arn:aws:lambda:us-east-1:123456789012:function:my-fn:live",
      { kind: "lambda-arn", service: "lambda", action: "invoke", pattern: "request-response", partition: "aws" },
    ],
    [
      "arn:aws:lambda:us-east-1:123456789012:function:my-fn:7",
      { kind: "lambda-arn", service: "lambda", action: "invoke", pattern: "request-response", partition: "aws" },
    ],
    [
      "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f:$LATEST",
      { kind: "lambda-arn", service: "lambda", action: "invoke", pattern: "request-response", partition: "aws-us-gov" },
    ],
    [
      "arn:aws:states:us-east-1:123456789012:activity:review",
      { kind: "activity", service: "states", action: "activity", pattern: "callback", partition: "aws" },
    ],
    [
      "arn:aws-cn:states:cn-north-1:123456789012:activity:review",
      { kind: "activity", service: "states", action: "activity", pattern: "callback", partition: "aws-cn" },
    ],
  ];
  for (const [resource, expected] of cases) {
    it(`classifies ${resource}`, () => assert.deepEqual(classifyResource(resource), expected));
  }

  it("rejects everything else", () => {
    for (const resource of [
      "",
      "not an arn",
      "ARN:AWS:states:::sqs:sendMessage",
      " arn:aws:states:::sqs:sendMessage",
      "arn:aws:states:::sqs:sendMessage ",
      "arn:aws:states:::sqs",
      "arn:aws:states:::sqs:send-message",
      "arn:aws:states:::sqs:sendMessage.sync:3",
      "arn:aws:states:::sqs:sendMessage.waitForTaskToken.sync",
      "arn:aws:states:us-east-1::sqs:sendMessage",
      "arn:gcp:states:::sqs:sendMessage",
      "arn:aws:lambda:us-east-1:123:function:f",
      "arn:aws:lambda:us-east-1:123456789012:function:f:a:b",
      "arn:aws:lambda:us-east-1:123456789012:layer:f",
      "arn:aws:states:us-east-1:123456789012:activity:",
      "arn:aws:states:us-east-1:123456789012:stateMachine:m",
      "${Fn}",
    ]) {
      assert.equal(classifyResource(resource), undefined, resource);
    }
  });
});

describe("mergeStatements", () => {
  const allow = (Action: string[], Resource: string[], extra: Partial<PolicyStatement> = {}): PolicyStatement => ({
    Effect: "Allow",
    Action,
    Resource,
    ...extra,
  });

  it("merges statements with the same actions, deduplicating and sorting actions and resources", () => {
    assert.deepEqual(
      mergeStatements([allow(["sqs:SendMessage"], ["arn:q2"]), allow(["sqs:SendMessage", "sqs:SendMessage"], ["arn:q1", "arn:q2"])]),
      [allow(["sqs:SendMessage"], ["arn:q1", "arn:q2"])],
    );
    assert.deepEqual(mergeStatements([allow(["b:B", "a:A"], ["r"]), allow(["a:A", "b:B"], ["s"])]), [allow(["a:A", "b:B"], ["r", "s"])]);
  });

  it("lets `*` absorb the other resources of a statement", () => {
    assert.deepEqual(
      mergeStatements([
        allow(["ec2:DescribeInstances"], ["arn:x"]),
        allow(["ec2:DescribeInstances"], ["*"]),
        allow(["ec2:DescribeInstances"], ["arn:y"]),
      ]),
      [allow(["ec2:DescribeInstances"], ["*"])],
    );
  });

  it("keeps statements apart when actions, effect or condition differ, and merges equal conditions written in another order", () => {
    const passRole = (condition: Record<string, Record<string, string | string[]>>, role: string) =>
      allow(["iam:PassRole"], [role], { Condition: condition });
    const merged = mergeStatements([
      passRole({ StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com", "aws:ResourceTag/a": ["x", "y"] } }, "arn:role/a"),
      passRole({ StringEquals: { "aws:ResourceTag/a": ["y", "x"], "iam:PassedToService": "ecs-tasks.amazonaws.com" } }, "arn:role/b"),
      passRole({ StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } }, "arn:role/c"),
      { Effect: "Deny", Action: ["iam:PassRole"], Resource: ["arn:role/a"] },
    ]);
    assert.deepEqual(
      merged.map((statement) => [statement.Effect, statement.Resource.join(" ")]),
      [
        ["Allow", "arn:role/a arn:role/b"],
        ["Deny", "arn:role/a"],
        ["Allow", "arn:role/c"],
      ],
    );
  });

  it("gives the same policy for the same statements in any order", () => {
    const statements = [
      allow(["s3:GetObject"], ["arn:b/*"]),
      allow(["sqs:SendMessage"], ["arn:q"]),
      { Effect: "Deny" as const, Action: ["s3:GetObject"], Resource: ["arn:b/*"] },
      allow(["s3:GetObject"], ["arn:b/*"], { Condition: { Bool: { "aws:SecureTransport": "true" } } }),
      allow(["s3:GetObject"], ["arn:a/*"]),
    ];
    const forward = mergeStatements(statements);
    assert.deepEqual(mergeStatements([...statements].reverse()), forward);
    assert.equal(forward.length, 4);
  });
});

describe("splitStatements", () => {
  const statement = (i: number): PolicyStatement => ({
    Effect: "Allow",
    Action: [`svc:Action${i}`],
    Resource: [`arn:aws:svc:::${"r".repeat(40)}${i}`],
  });

  it("fills documents in order up to the limit, each one within it", () => {
    const statements = Array.from({ length: 20 }, (_, i) => statement(i));
    const one = policySize(policyDocument([statement(0)]));
    const limit = one * 3;
    const documents = splitStatements(statements, limit);
    assert.ok(documents.length > 1);
    for (const document of documents) {
      assert.equal(document.Version, "2012-10-17");
      assert.ok(policySize(document) <= limit, `${policySize(document)} > ${limit}`);
    }
    assert.deepEqual(
      documents.flatMap((document) => document.Statement),
      statements,
    );
  });

  it("puts a statement into the first document it still fits in", () => {
    const big: PolicyStatement = { Effect: "Allow", Action: ["svc:Big"], Resource: ["arn:" + "x".repeat(200)] };
    const small = statement(1);
    const limit = policySize(policyDocument([big])) + 10;
    const documents = splitStatements([big, small, big, small], limit);
    assert.deepEqual(
      documents.map((document) => document.Statement.map((s) => s.Action[0])),
      [["svc:Big"], ["svc:Action1", "svc:Action1"], ["svc:Big"]],
    );
  });

  it("returns a statement over the limit alone, and nothing for no statements", () => {
    const huge: PolicyStatement = { Effect: "Allow", Action: ["svc:Huge"], Resource: ["arn:" + "x".repeat(500)] };
    assert.deepEqual(splitStatements([huge], 100), [policyDocument([huge])]);
    assert.deepEqual(splitStatements([], 100), []);
  });

  it("measures size as compact JSON", () => {
    const document = policyDocument([statement(1)]);
    assert.equal(policySize(document), JSON.stringify(document).length);
  });
});
