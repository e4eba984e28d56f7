"""The order-approval system from Python: the same STANDARD approval workflow (a reviewers'
callback queue, alarms, a worker policy) and EXPRESS quote workflow (with its synchronous
endpoint) as examples/typescript, through the sfn-workflows plugin.

The orders and quotes tables and the ops topic are those of your account, named in config
(`ordersTable`, `quotesTable`, `opsTopicArn`); the TypeScript example creates them alongside.
"""

import json
import pathlib

import pulumi
import pulumi_sfn_workflows as sfnw

config = pulumi.Config()
orders_table = config.get("ordersTable") or "orders"
quotes_table = config.get("quotesTable") or "quotes"
ops_topic_arn = config.require("opsTopicArn")
alarm_actions = [ops_topic_arn]

definitions = pathlib.Path(__file__).parent.parent / "definitions"


def definition(name: str) -> dict:
    return json.loads((definitions / name).read_text())


approvals = sfnw.Workflow(
    "approvals",
    workflow_type=sfnw.WorkflowType.STANDARD,
    definition=definition("order-approval.asl.json"),
    callbacks={"reviewers": sfnw.WorkflowCallbackArgs(max_receive_count=5)},
    definition_substitutions={"OrdersTable": orders_table, "EscalationTopic": ops_topic_arn},
    alarms=sfnw.WorkflowAlarmsArgs(actions=alarm_actions),
)

quote = sfnw.Workflow(
    "quote",
    workflow_type=sfnw.WorkflowType.EXPRESS,
    definition=definition("quote.asl.json"),
    definition_substitutions={"QuotesTable": quotes_table, "PricingFunction": "pricing"},
    alarms=sfnw.WorkflowAlarmsArgs(actions=alarm_actions),
    # POST /quotes runs the workflow and answers with its output; callers sign with SigV4.
    sync_endpoint=sfnw.WorkflowSyncEndpointArgs(
        path="/quotes",
        request=sfnw.SyncEndpointRequestArgs(path_parameters=False, query_string=False),
        error_status_codes={"UnknownSku": 404, "Lambda.*": 502},
        throttle=sfnw.SyncEndpointThrottleArgs(rate_limit=50, burst_limit=100),
    ),
)

# The same stack outputs as the TypeScript example, for StackReference consumers.
pulumi.export("approvalsStateMachineArn", approvals.state_machine_arn)
pulumi.export("reviewersQueueUrl", approvals.callback_queues.apply(lambda q: q["reviewers"].queue_url))
pulumi.export("reviewersQueueArn", approvals.callback_queues.apply(lambda q: q["reviewers"].queue_arn))
pulumi.export("workerPolicyArn", approvals.worker_policy_arn)
pulumi.export("quoteStateMachineArn", quote.state_machine_arn)
pulumi.export("quoteEndpointUrl", quote.endpoint_url)
