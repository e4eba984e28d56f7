/**
 * LocalStack for a test file: started before its tests on a free loopback port, stopped after them
 * (and on exit or a signal, by the engine process); the components' resources derived under mocks
 * and created in it (provider/src/local). SDK clients as the worker and users configure them.
 */
import { SFNClient } from "@aws-sdk/client-sfn";
import { SQSClient } from "@aws-sdk/client-sqs";
import type * as pulumi from "@pulumi/pulumi";
import { Workflow, type WorkflowArgs } from "../../../provider/src";
import { deployLocally, type LocalDeployment } from "../../../provider/src/local/deploy";
import { derive, settle, type Derived } from "../../../provider/src/local/derive";
import { LOCALSTACK_CREDENTIALS, LOCALSTACK_REGION, startLocalStack } from "../../../provider/src/local/localstack";
import type { EngineProcess } from "../../../provider/src/local/process";

/** SDK v3 settings for LocalStack; no host prefix, or StartSyncExecution goes to sync-127.0.0.1. */
export function localStackClientConfig(endpoint: string) {
  return { endpoint, region: LOCALSTACK_REGION, credentials: LOCALSTACK_CREDENTIALS, disableHostPrefix: true };
}

export interface DeployedWorkflow {
  workflow: Workflow;
  derived: Derived[];
  deployment: LocalDeployment;
  stateMachineArn: string;
  /** The sync endpoint's URL in LocalStack (undefined without `syncEndpoint`). */
  endpointUrl?: string;
  queueUrls: Record<string, string>;
}

export class LocalEngine {
  readonly sfn: SFNClient;
  readonly sqs: SQSClient;

  private constructor(readonly engine: EngineProcess) {
    this.sfn = new SFNClient(localStackClientConfig(engine.endpoint));
    this.sqs = new SQSClient(localStackClientConfig(engine.endpoint));
  }

  static async start(): Promise<LocalEngine> {
    return new LocalEngine(await startLocalStack());
  }

  async stop(): Promise<void> {
    this.sfn.destroy();
    this.sqs.destroy();
    await this.engine.stop();
  }

  /** A Workflow as the component derives it, created in LocalStack. */
  async deploy(name: string, args: WorkflowArgs): Promise<DeployedWorkflow> {
    let workflow!: Workflow;
    const derived = await derive(this.engine.endpoint, () => {
      workflow = new Workflow(name, args);
      return [workflow.stateMachineArn, workflow.endpointUrl, workflow.callbackQueues] as pulumi.Output<unknown>[];
    });
    const deployment = await deployLocally(this.engine.endpoint, derived);
    const queues = await settle(workflow.callbackQueues);
    return {
      workflow,
      derived,
      deployment,
      stateMachineArn: await settle(workflow.stateMachineArn),
      endpointUrl: await settle(workflow.endpointUrl),
      queueUrls: Object.fromEntries(
        Object.entries(queues).map(([key, queue]) => [key, deployment.mapping.get(queue.queueUrl) ?? queue.queueUrl]),
      ),
    };
  }
}
