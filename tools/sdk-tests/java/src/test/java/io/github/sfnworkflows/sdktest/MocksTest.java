package io.github.sfnworkflows.sdktest;

import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import io.github.sfnworkflows.workflows.CallbackQueue;
import io.github.sfnworkflows.workflows.CallbackQueueArgs;
import io.github.sfnworkflows.workflows.Workflow;
import io.github.sfnworkflows.workflows.WorkflowArgs;
import io.github.sfnworkflows.workflows.enums.LogLevel;
import io.github.sfnworkflows.workflows.inputs.LoggingArgs;
import io.github.sfnworkflows.workflows.inputs.WorkflowCallbackArgs;
import io.github.sfnworkflows.workflows.outputs.WorkflowCallbackQueue;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exercises the generated Java SDK under Pulumi's Java mocks: the mocks record the inputs the SDK
 * sends for each component (what the provider's construct receives) and answer with the outputs
 * schema.json promises. A plain main (run by exec-maven-plugin) so no test framework is needed;
 * it prints "N passed, N failed" and exits non-zero on any failure.
 */
public final class MocksTest {
    private static final Map<String, Map<String, Object>> RECORDED = new ConcurrentHashMap<>();
    private static int passed = 0;
    private static int failed = 0;

    static final class RecordingMocks implements Mocks {
        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            RECORDED.put(args.name, args.inputs);
            Object state;
            switch (args.type) {
                case "sfn-workflows:index:Workflow":
                    state = Map.of(
                        "stateMachineArn", "arn:aws:states:eu-west-1:111122223333:stateMachine:" + args.name,
                        "stateMachineName", args.name,
                        "roleArn", "arn:aws:iam::111122223333:role/" + args.name + "-role",
                        "callbackQueues", Map.of("reviewers", Map.of(
                            "queueUrl", "https://sqs.eu-west-1.amazonaws.com/111122223333/reviewers",
                            "queueArn", "arn:aws:sqs:eu-west-1:111122223333:reviewers",
                            "deadLetterQueueUrl", "https://sqs.eu-west-1.amazonaws.com/111122223333/reviewers-dlq",
                            "deadLetterQueueArn", "arn:aws:sqs:eu-west-1:111122223333:reviewers-dlq")),
                        "alarmArns", Map.of("executionsFailed", "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:failed"));
                    break;
                case "sfn-workflows:index:CallbackQueue":
                    state = Map.of(
                        "queueUrl", "https://sqs.eu-west-1.amazonaws.com/111122223333/" + args.name,
                        "queueArn", "arn:aws:sqs:eu-west-1:111122223333:" + args.name,
                        "queueName", args.name,
                        "deadLetterQueueUrl", "https://sqs.eu-west-1.amazonaws.com/111122223333/" + args.name + "-dlq",
                        "deadLetterQueueArn", "arn:aws:sqs:eu-west-1:111122223333:" + args.name + "-dlq",
                        "alarmArns", Map.of());
                    break;
                default:
                    throw new IllegalStateException("unexpected resource type " + args.type);
            }
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
        }
    }

    private static void check(String what, Object expected, Object actual) {
        if (expected.equals(actual)) {
            passed++;
        } else {
            failed++;
            System.out.println("FAIL " + what + ": expected " + expected + ", got " + actual);
        }
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] argv) {
        var holder = new Object() {
            Workflow workflow;
            CallbackQueue queue;
        };
        TestResult result = PulumiTest.withMocks(new RecordingMocks()).runTest(ctx -> {
            holder.workflow = new Workflow("approvals", WorkflowArgs.builder()
                .definition(Map.<String, Object>of(
                    "StartAt", "Ask",
                    "States", Map.of("Ask", Map.of(
                        "Type", "Task",
                        "Resource", "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                        "Parameters", Map.of("QueueUrl", "${callbacks.reviewers.queueUrl}", "MessageBody", Map.of("token.$", "$$.Task.Token")),
                        "HeartbeatSeconds", 300,
                        "End", true))))
                .callbacks(Map.of("reviewers", WorkflowCallbackArgs.builder().maxReceiveCount(3).build()))
                .logging(LoggingArgs.builder().level(LogLevel.All).build())
                .build());
            holder.queue = new CallbackQueue("jobs", CallbackQueueArgs.builder().heartbeatSeconds(120).build());
        });
        check("exit code", 0, result.exitCode());
        for (Exception e : result.exceptions()) {
            failed++;
            e.printStackTrace(System.out);
        }

        Map<String, Object> inputs = RECORDED.getOrDefault("approvals", Map.of());
        check("workflowType default", "STANDARD", inputs.get("workflowType"));
        check("definition.StartAt", "Ask", ((Map<String, Object>) inputs.getOrDefault("definition", Map.of())).get("StartAt"));
        var callbacks = (Map<String, Map<String, Object>>) inputs.getOrDefault("callbacks", Map.of());
        check("callbacks.reviewers.maxReceiveCount", 3, ((Number) callbacks.getOrDefault("reviewers", Map.of("maxReceiveCount", -1)).get("maxReceiveCount")).intValue());
        var logging = (Map<String, Object>) inputs.getOrDefault("logging", Map.of());
        check("logging.level", "ALL", logging.get("level"));
        check("logging.retentionInDays default", 30, ((Number) logging.getOrDefault("retentionInDays", -1)).intValue());

        check("stateMachineArn", "arn:aws:states:eu-west-1:111122223333:stateMachine:approvals",
            PulumiTest.extractValue(holder.workflow.stateMachineArn()));
        Map<String, WorkflowCallbackQueue> queues = PulumiTest.extractValue(holder.workflow.callbackQueues());
        check("callbackQueues.reviewers.queueUrl", "https://sqs.eu-west-1.amazonaws.com/111122223333/reviewers",
            queues.get("reviewers").queueUrl());
        check("workerPolicyArn absent", Optional.empty(), PulumiTest.extractValue(holder.workflow.workerPolicyArn()));

        Map<String, Object> queueInputs = RECORDED.getOrDefault("jobs", Map.of());
        check("CallbackQueue maxReceiveCount default", 5, ((Number) queueInputs.getOrDefault("maxReceiveCount", -1)).intValue());
        check("CallbackQueue queueName", "jobs", PulumiTest.extractValue(holder.queue.queueName()));

        PulumiTest.cleanup();
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
