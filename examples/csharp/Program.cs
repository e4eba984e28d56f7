// The order-approval system from C#: the same STANDARD approval workflow (a reviewers' callback
// queue, alarms, a worker policy) and EXPRESS quote workflow (with its synchronous endpoint) as
// examples/typescript, through the sfn-workflows plugin.
//
// The orders and quotes tables and the ops topic are those of your account, named in config
// (ordersTable, quotesTable, opsTopicArn); the TypeScript example creates them alongside.
using System.Collections.Generic;
using System.IO;
using Pulumi;
using SfnWorkflows.StepFunctions;
using SfnWorkflows.StepFunctions.Inputs;

return await Deployment.RunAsync(() =>
{
    var config = new Config();
    var ordersTable = config.Get("ordersTable") ?? "orders";
    var quotesTable = config.Get("quotesTable") ?? "quotes";
    var opsTopicArn = config.Require("opsTopicArn");
    // The definition as JSON text: the Definition input takes the text or the parsed document.
    string ReadDefinition(string name) => File.ReadAllText(Path.Combine("..", "definitions", name));

    var approvals = new Workflow("approvals", new WorkflowArgs
    {
        WorkflowType = WorkflowType.Standard,
        Definition = ReadDefinition("order-approval.asl.json"),
        Callbacks = { ["reviewers"] = new WorkflowCallbackArgs { MaxReceiveCount = 5 } },
        DefinitionSubstitutions = { ["OrdersTable"] = ordersTable, ["EscalationTopic"] = opsTopicArn },
        Alarms = new WorkflowAlarmsArgs { Actions = { opsTopicArn } },
    });

    var quote = new Workflow("quote", new WorkflowArgs
    {
        WorkflowType = WorkflowType.Express,
        Definition = ReadDefinition("quote.asl.json"),
        DefinitionSubstitutions = { ["QuotesTable"] = quotesTable, ["PricingFunction"] = "pricing" },
        Alarms = new WorkflowAlarmsArgs { Actions = { opsTopicArn } },
        // POST /quotes runs the workflow and answers with its output; callers sign with SigV4.
        SyncEndpoint = new WorkflowSyncEndpointArgs
        {
            Path = "/quotes",
            Request = new SyncEndpointRequestArgs { PathParameters = false, QueryString = false },
            ErrorStatusCodes = { ["UnknownSku"] = 404, ["Lambda.*"] = 502 },
            Throttle = new SyncEndpointThrottleArgs { RateLimit = 50, BurstLimit = 100 },
        },
    });

    // The same stack outputs as the TypeScript example, for StackReference consumers.
    var reviewers = approvals.CallbackQueues.Apply(queues => queues["reviewers"]);
    return new Dictionary<string, object?>
    {
        ["approvalsStateMachineArn"] = approvals.StateMachineArn,
        ["reviewersQueueUrl"] = reviewers.Apply(q => q.QueueUrl),
        ["reviewersQueueArn"] = reviewers.Apply(q => q.QueueArn),
        ["workerPolicyArn"] = approvals.WorkerPolicyArn,
        ["quoteStateMachineArn"] = quote.StateMachineArn,
        ["quoteEndpointUrl"] = quote.EndpointUrl,
    };
});
