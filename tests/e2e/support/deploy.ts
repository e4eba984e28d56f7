/**
 * Deploys into moto exactly what the Workflow component generates: the Workflow runs under Pulumi
 * mocks (tests/support/mocks.ts records every resource's inputs), and its queues, queue policies,
 * redrive-allow policies and state machine are created in moto from those inputs, with the mock
 * queue URLs and ARNs mapped to moto's. Nothing is copied by hand.
 */
import { CreateStateMachineCommand } from "@aws-sdk/client-sfn";
import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import type * as pulumi from "@pulumi/pulumi";
import { Workflow, type CallbackQueueOutputs, type WorkflowArgs } from "../../../provider/src";
import { capture, ofType, one, type Registered, valueOf } from "../../support/mocks";
import { mapJson as mapJsonLocally } from "../../../provider/src/local/deploy";
import { queueAttributes } from "../../../provider/src/local/queueAttributes";
import { createStateMachineRequest } from "../../../provider/src/local/stateMachineRequest";
import type { MotoAws } from "./aws";

export interface DeployedQueue {
  queueName: string;
  queueUrl: string;
  queueArn: string;
  deadLetterQueueName: string;
  deadLetterQueueUrl: string;
  deadLetterQueueArn: string;
}

export interface Deployed {
  workflow: Workflow;
  /** What the Workflow registered under mocks (type, name, inputs). */
  resources: Registered[];
  stateMachineArn: string;
  /** The definition as created in moto (placeholders resolved by the component, queue URLs mapped). */
  definition: Record<string, unknown>;
  queues: Record<string, DeployedQueue>;
  /** Mock identifier -> moto identifier (queue URLs and ARNs). */
  mapping: Map<string, string>;
}

function mapJson(text: string, mapping: Map<string, string>): string {
  const mapped = mapJsonLocally(text, mapping);
  // A mock SQS URL left over would point the machine at a queue moto does not have.
  const leftover = /https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com\/[^"]+/.exec(mapped);
  if (leftover) throw new Error(`unmapped queue URL ${leftover[0]} in ${text}`);
  return mapped;
}

const lastSegment = (url: string) => url.slice(url.lastIndexOf("/") + 1);

export async function deployWorkflow(aws: MotoAws, name: string, args: WorkflowArgs): Promise<Deployed> {
  let workflow!: Workflow;
  const resources = await capture(() => {
    workflow = new Workflow(name, args);
    return [workflow.stateMachineArn, workflow.callbackQueues, workflow.alarmArns] as pulumi.Output<unknown>[];
  });
  const mockQueues: Record<string, CallbackQueueOutputs> = await valueOf(workflow.callbackQueues);
  const mapping = new Map<string, string>();

  const createQueue = async (resourceName: string, mockUrl: string, mockArn: string) => {
    const resource = one(resources, "aws:sqs/queue:Queue", resourceName);
    const { attributes, tags } = queueAttributes(
      resource.name,
      resource.inputs,
      (text) => mapJson(text, mapping),
      "tests/e2e/support/deploy.ts",
    );
    const created = await aws.sqs.send(new CreateQueueCommand({ QueueName: lastSegment(mockUrl), Attributes: attributes, tags }));
    const url = created.QueueUrl as string;
    const arn = (await aws.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }))).Attributes
      ?.QueueArn as string;
    mapping.set(mockUrl, url);
    mapping.set(mockArn, arn);
    return { name: lastSegment(url), url, arn };
  };

  const queues: Record<string, DeployedQueue> = {};
  for (const [callback, mock] of Object.entries(mockQueues)) {
    // The dead-letter queue first: the queue's redrive policy names it.
    const dlq = await createQueue(`${name}-${callback}-dlq`, mock.deadLetterQueueUrl, mock.deadLetterQueueArn);
    const queue = await createQueue(`${name}-${callback}`, mock.queueUrl, mock.queueArn);
    queues[callback] = {
      queueName: queue.name,
      queueUrl: queue.url,
      queueArn: queue.arn,
      deadLetterQueueName: dlq.name,
      deadLetterQueueUrl: dlq.url,
      deadLetterQueueArn: dlq.arn,
    };
  }
  const queueCount = ofType(resources, "aws:sqs/queue:Queue").length;
  if (queueCount !== 2 * Object.keys(queues).length)
    throw new Error(`the Workflow registered ${queueCount} queues; the deployer created ${2 * Object.keys(queues).length}`);

  for (const resource of ofType(resources, "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy"))
    await aws.sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: mapping.get(resource.inputs.queueUrl as string),
        Attributes: { RedriveAllowPolicy: mapJson(resource.inputs.redriveAllowPolicy as string, mapping) },
      }),
    );
  for (const resource of ofType(resources, "aws:sqs/queuePolicy:QueuePolicy"))
    await aws.sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: mapping.get(resource.inputs.queueUrl as string),
        Attributes: { Policy: mapJson(resource.inputs.policy as string, mapping) },
      }),
    );

  const machine = one(resources, "aws:sfn/stateMachine:StateMachine");
  const machineName = await valueOf(workflow.stateMachineName);
  const json = (text: string) => mapJson(text, mapping);
  const request = createStateMachineRequest(machine.name, machineName, machine.inputs, json, "tests/e2e/support/deploy.ts");
  const created = await aws.sfn.send(new CreateStateMachineCommand(request));
  return {
    workflow,
    resources,
    stateMachineArn: created.stateMachineArn as string,
    definition: JSON.parse(request.definition) as Record<string, unknown>,
    queues,
    mapping,
  };
}
