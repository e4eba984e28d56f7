"""Exercises the generated Python SDK (sdk/python) under Pulumi's mocks.

The mocks stand in for the engine: `new_resource` records what the SDK sends for each component
(the inputs the provider's `construct` would receive, camelCased, defaults applied) and answers
with the outputs the provider promises in schema.json. The assertions check both directions.
Run by `make test-sdks` in a virtualenv with `pulumi` and the generated package installed.
"""

import inspect
import json
import unittest

import pulumi

RECORDED = {}


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        RECORDED[args.name] = (args.typ, dict(args.inputs))
        if args.typ == "sfn-workflows:index:Workflow":
            callbacks = args.inputs.get("callbacks", {})
            return f"{args.name}-id", {
                "stateMachineArn": f"arn:aws:states:eu-west-1:111122223333:stateMachine:{args.name}",
                "stateMachineName": args.name,
                "roleArn": f"arn:aws:iam::111122223333:role/{args.name}-role",
                "logGroupName": f"/aws/vendedlogs/states/{args.name}",
                "callbackQueues": {
                    name: {
                        "queueUrl": f"https://sqs.eu-west-1.amazonaws.com/111122223333/{name}",
                        "queueArn": f"arn:aws:sqs:eu-west-1:111122223333:{name}",
                        "deadLetterQueueUrl": f"https://sqs.eu-west-1.amazonaws.com/111122223333/{name}-dlq",
                        "deadLetterQueueArn": f"arn:aws:sqs:eu-west-1:111122223333:{name}-dlq",
                    }
                    for name in callbacks
                },
                "workerPolicyArn": f"arn:aws:iam::111122223333:policy/{args.name}-worker",
                "alarmArns": {"executionsFailed": "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:failed"},
            }
        if args.typ == "sfn-workflows:index:CallbackQueue":
            return f"{args.name}-id", {
                "queueUrl": f"https://sqs.eu-west-1.amazonaws.com/111122223333/{args.name}",
                "queueArn": f"arn:aws:sqs:eu-west-1:111122223333:{args.name}",
                "queueName": args.name,
                "deadLetterQueueUrl": f"https://sqs.eu-west-1.amazonaws.com/111122223333/{args.name}-dlq",
                "deadLetterQueueArn": f"arn:aws:sqs:eu-west-1:111122223333:{args.name}-dlq",
                "alarmArns": {},
            }
        if args.typ == "sfn-workflows:index:SyncEndpoint":
            return f"{args.name}-id", {
                "url": "https://abc123.execute-api.eu-west-1.amazonaws.com/api/quotes",
                "apiId": "abc123",
                "stageName": args.inputs.get("stageName"),
                "roleArn": "arn:aws:iam::111122223333:role/api",
            }
        raise AssertionError(f"unexpected resource type {args.typ}")

    def call(self, args: pulumi.runtime.MockCallArgs):
        raise AssertionError(f"unexpected call {args.token}")


pulumi.runtime.set_mocks(Mocks(), preview=False)

import pulumi_sfn_workflows as sfnw  # noqa: E402  (after set_mocks, as Pulumi's docs do)

DEFINITION = {
    "StartAt": "Ask",
    "States": {
        "Ask": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters": {"QueueUrl": "${callbacks.reviewers.queueUrl}", "MessageBody": {"token.$": "$$.Task.Token"}},
            "HeartbeatSeconds": 300,
            "End": True,
        }
    },
}


class WorkflowSdkTest(unittest.TestCase):
    @pulumi.runtime.test
    def test_workflow_inputs_and_outputs(self):
        topic_arn = pulumi.Output.from_input("arn:aws:sns:eu-west-1:111122223333:ops")
        wf = sfnw.Workflow(
            "approvals",
            definition=DEFINITION,
            callbacks={"reviewers": sfnw.WorkflowCallbackArgs(max_receive_count=3)},
            definition_substitutions={"OrdersTable": pulumi.Output.from_input("orders")},
            logging=sfnw.LoggingArgs(level=sfnw.LogLevel.ALL),
            alarms=sfnw.WorkflowAlarmsArgs(actions=[topic_arn], executions_failed=sfnw.AlarmOverrideArgs(threshold=2)),
            policy_statements=[sfnw.PolicyStatementArgs(action=["s3:GetObject"], resource=["arn:aws:s3:::b/*"])],
            sync_endpoint=sfnw.WorkflowSyncEndpointArgs(path="/quotes/{sku}", error_status_codes={"NotFound": 404}),
        )

        def check(values):
            state_machine_arn, queue_url, dead_letter_queue_arn, worker = values
            typ, inputs = RECORDED["approvals"]
            self.assertEqual(typ, "sfn-workflows:index:Workflow")
            # What the provider's construct receives: camelCase names, schema defaults applied.
            self.assertEqual(inputs["workflowType"], "STANDARD")
            self.assertEqual(inputs["tracing"], False)
            self.assertEqual(inputs["definition"]["StartAt"], "Ask")
            self.assertEqual(inputs["callbacks"]["reviewers"]["maxReceiveCount"], 3)
            self.assertEqual(inputs["definitionSubstitutions"], {"OrdersTable": "orders"})
            self.assertEqual(inputs["logging"]["level"], "ALL")
            self.assertEqual(inputs["logging"]["retentionInDays"], 30)
            self.assertEqual(inputs["alarms"]["actions"], ["arn:aws:sns:eu-west-1:111122223333:ops"])
            self.assertEqual(inputs["alarms"]["executionsFailed"]["threshold"], 2)
            self.assertEqual(inputs["policyStatements"][0]["Effect"], "Allow")
            self.assertEqual(inputs["policyStatements"][0]["Action"], ["s3:GetObject"])
            self.assertEqual(inputs["syncEndpoint"]["apiType"], "REST")
            self.assertEqual(inputs["syncEndpoint"]["method"], "POST")
            self.assertEqual(inputs["syncEndpoint"]["errorStatusCodes"], {"NotFound": 404})
            # What the program gets back: typed outputs.
            self.assertEqual(state_machine_arn, "arn:aws:states:eu-west-1:111122223333:stateMachine:approvals")
            self.assertEqual(queue_url, "https://sqs.eu-west-1.amazonaws.com/111122223333/reviewers")
            self.assertTrue(dead_letter_queue_arn.endswith(":reviewers-dlq"))
            self.assertTrue(worker.endswith("approvals-worker"))

        # Typed output objects (Output.all would flatten them to dicts, so look inside first).
        dead_letter_queue_arn = wf.callback_queues.apply(
            lambda queues: self.assertIsInstance(queues["reviewers"], sfnw.outputs.WorkflowCallbackQueue)
            or queues["reviewers"].dead_letter_queue_arn
        )
        # The example: wf.callback_queues["reviewers"].queue_url
        return pulumi.Output.all(
            wf.state_machine_arn, wf.callback_queues["reviewers"].queue_url, dead_letter_queue_arn, wf.worker_policy_arn
        ).apply(check)

    @pulumi.runtime.test
    def test_definition_as_json_string(self):
        wf = sfnw.Workflow("express", definition=json.dumps(DEFINITION), workflow_type=sfnw.WorkflowType.EXPRESS)

        def check(name):
            _, inputs = RECORDED["express"]
            self.assertEqual(json.loads(inputs["definition"])["StartAt"], "Ask")
            self.assertEqual(inputs["workflowType"], "EXPRESS")
            self.assertEqual(name, "express")

        return wf.state_machine_name.apply(check)

    @pulumi.runtime.test
    def test_callback_queue_alone(self):
        queue = sfnw.CallbackQueue(
            "jobs",
            heartbeat_seconds=120,
            sender_role_arns=["arn:aws:iam::111122223333:role/sender"],
            alarms=sfnw.CallbackQueueAlarmsArgs(enabled=False),
            tags={"team": "ops"},
        )

        def check(values):
            url, name = values
            _, inputs = RECORDED["jobs"]
            self.assertEqual(inputs["maxReceiveCount"], 5)
            self.assertEqual(inputs["heartbeatSeconds"], 120)
            self.assertEqual(inputs["alarms"]["enabled"], False)
            self.assertEqual(inputs["tags"], {"team": "ops"})
            self.assertEqual(url, "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs")
            self.assertEqual(name, "jobs")

        return pulumi.Output.all(queue.queue_url, queue.queue_name).apply(check)

    @pulumi.runtime.test
    def test_sync_endpoint_alone(self):
        endpoint = sfnw.SyncEndpoint(
            "api",
            state_machine_arn="arn:aws:states:eu-west-1:111122223333:stateMachine:quote",
            api_type=sfnw.ApiType.HTTP,
            authorization=sfnw.Authorization.JWT,
            jwt=sfnw.SyncEndpointJwtArgs(issuer="https://issuer.example.com", audience=["client"]),
        )

        def check(values):
            url, stage = values
            _, inputs = RECORDED["api"]
            self.assertEqual(inputs["apiType"], "HTTP")
            self.assertEqual(inputs["authorization"], "JWT")
            self.assertEqual(inputs["path"], "/")
            self.assertEqual(inputs["stageName"], "api")
            self.assertEqual(inputs["jwt"]["audience"], ["client"])
            self.assertTrue(url.startswith("https://"))
            self.assertEqual(stage, "api")

        return pulumi.Output.all(endpoint.url, endpoint.stage_name).apply(check)


class WorkflowDocsTest(unittest.TestCase):
    """The docstrings name properties as Python programs write them (docs/languages.md, "Names in the docs")."""

    def test_docstrings_use_python_names(self):
        self.assertEqual(
            inspect.getdoc(sfnw.WorkflowArgs.definition),
            "The ASL document, as an object (a dict, map or JSON object of your language) or as a JSON string, "
            "known when the program runs: every check happens at preview. Dynamic values go in through `${Key}` "
            "placeholders filled from `definition_substitutions` and `callbacks`.",
        )
        self.assertIn("Everything that starts executions (the sync endpoint, the `alias_arn` output)",
                      inspect.getdoc(sfnw.WorkflowArgs.deployment))
        self.assertEqual(
            inspect.getdoc(sfnw.Workflow.alias_arn),
            "ARN of the alias executions should start through; absent without `deployment`. "
            "Export it beside `state_machine_arn` for stack references.",
        )
        # The constructor's parameter docs (every `:param` line of the module) too.
        params = [line for line in inspect.getsource(sfnw.workflow).splitlines() if ":param" in line]
        self.assertTrue(any("`definition_substitutions`" in line for line in params))
        for line in params:
            for camel in ("`definitionSubstitutions`", "`aliasArn`", "`syncEndpoint`", "`stateMachineArn`"):
                self.assertNotIn(camel, line)

    def test_names_that_are_no_python_property_stay(self):
        # Map keys of an output and keys of the workflow input are the same in every language.
        self.assertEqual(
            inspect.getdoc(sfnw.Workflow.alarm_arns),
            "Alarm ARNs by name: `executionsFailed`, `executionsTimedOut`, `heartbeatTimeouts`, "
            "`NAME.oldestMessageAge`, `NAME.deadLetters` (those that exist).",
        )
        self.assertIn("reference it in the definition as `${callbacks.NAME.queueUrl}`",
                      inspect.getdoc(sfnw.WorkflowArgs.callbacks))
        self.assertTrue(inspect.getdoc(sfnw.SyncEndpointRequestArgs.headers).startswith("Headers, under `$.headers`:"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
