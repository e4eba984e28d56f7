package sfnworkflows.example;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.sfnworkflows.workflows.Workflow;
import io.github.sfnworkflows.workflows.WorkflowArgs;
import io.github.sfnworkflows.workflows.enums.WorkflowType;
import io.github.sfnworkflows.workflows.inputs.SyncEndpointRequestArgs;
import io.github.sfnworkflows.workflows.inputs.SyncEndpointThrottleArgs;
import io.github.sfnworkflows.workflows.inputs.WorkflowAlarmsArgs;
import io.github.sfnworkflows.workflows.inputs.WorkflowCallbackArgs;
import io.github.sfnworkflows.workflows.inputs.WorkflowSyncEndpointArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The order-approval system from Java: the same STANDARD approval workflow (a reviewers' callback
 * queue, alarms, a worker policy) and EXPRESS quote workflow (with its synchronous endpoint) as
 * examples/typescript, through the sfn-workflows plugin.
 *
 * <p>The orders and quotes tables and the ops topic are those of your account, named in config
 * (ordersTable, quotesTable, opsTopicArn); the TypeScript example creates them alongside.
 */
public final class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    private static Map<String, Object> definition(String name) {
        try {
            String json = Files.readString(Path.of("..", "definitions", name));
            return new Gson().fromJson(json, new TypeToken<Map<String, Object>>() {}.getType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stack(Context ctx) {
        var config = ctx.config();
        String ordersTable = config.get("ordersTable").orElse("orders");
        String quotesTable = config.get("quotesTable").orElse("quotes");
        String opsTopicArn = config.require("opsTopicArn");
        var alarms = WorkflowAlarmsArgs.builder().actions(opsTopicArn).build();

        var approvals = new Workflow("approvals", WorkflowArgs.builder()
            .workflowType(WorkflowType.Standard)
            .definition(definition("order-approval.asl.json"))
            .callbacks(Map.of("reviewers", WorkflowCallbackArgs.builder().maxReceiveCount(5).build()))
            .definitionSubstitutions(Map.of("OrdersTable", ordersTable, "EscalationTopic", opsTopicArn))
            .alarms(alarms)
            .build());

        var quote = new Workflow("quote", WorkflowArgs.builder()
            .workflowType(WorkflowType.Express)
            .definition(definition("quote.asl.json"))
            .definitionSubstitutions(Map.of("QuotesTable", quotesTable, "PricingFunction", "pricing"))
            .alarms(alarms)
            // POST /quotes runs the workflow and answers with its output; callers sign with SigV4.
            .syncEndpoint(WorkflowSyncEndpointArgs.builder()
                .path("/quotes")
                .request(SyncEndpointRequestArgs.builder().pathParameters(false).queryString(false).build())
                .errorStatusCodes(Map.of("UnknownSku", 404, "Lambda.*", 502))
                .throttle(SyncEndpointThrottleArgs.builder().rateLimit(50.0).burstLimit(100).build())
                .build())
            .build());

        // The same stack outputs as the TypeScript example, for StackReference consumers.
        ctx.export("approvalsStateMachineArn", approvals.stateMachineArn());
        ctx.export("reviewersQueueUrl", approvals.callbackQueues().applyValue(q -> q.get("reviewers").queueUrl()));
        ctx.export("reviewersQueueArn", approvals.callbackQueues().applyValue(q -> q.get("reviewers").queueArn()));
        ctx.export("workerPolicyArn", approvals.workerPolicyArn().applyValue(arn -> arn.orElse(null)));
        ctx.export("quoteStateMachineArn", quote.stateMachineArn());
        ctx.export("quoteEndpointUrl", quote.endpointUrl().applyValue(url -> url.orElse(null)));
    }
}
