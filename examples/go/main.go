// The order-approval system from Go: the same STANDARD approval workflow (a reviewers' callback
// queue, alarms, a worker policy) and EXPRESS quote workflow (with its synchronous endpoint) as
// examples/typescript, through the sfn-workflows plugin.
//
// The orders and quotes tables and the ops topic are those of your account, named in config
// (ordersTable, quotesTable, opsTopicArn); the TypeScript example creates them alongside.
package main

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/sfn-workflows/pulumi-sfn-workflows/sdk/go/sfnworkflows"
)

func definition(name string) (map[string]interface{}, error) {
	data, err := os.ReadFile(filepath.Join("..", "definitions", name))
	if err != nil {
		return nil, err
	}
	var doc map[string]interface{}
	return doc, json.Unmarshal(data, &doc)
}

func orDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		ordersTable := orDefault(cfg.Get("ordersTable"), "orders")
		quotesTable := orDefault(cfg.Get("quotesTable"), "quotes")
		opsTopicArn := cfg.Require("opsTopicArn")
		alarms := &sfnworkflows.WorkflowAlarmsArgs{Actions: []pulumi.StringInput{pulumi.String(opsTopicArn)}}

		approval, err := definition("order-approval.asl.json")
		if err != nil {
			return err
		}
		standard := sfnworkflows.WorkflowTypeStandard
		maxReceiveCount := 5
		approvals, err := sfnworkflows.NewWorkflow(ctx, "approvals", &sfnworkflows.WorkflowArgs{
			WorkflowType: &standard,
			Definition:   approval,
			Callbacks:    map[string]sfnworkflows.WorkflowCallbackArgs{"reviewers": {MaxReceiveCount: &maxReceiveCount}},
			DefinitionSubstitutions: map[string]pulumi.StringInput{
				"OrdersTable":     pulumi.String(ordersTable),
				"EscalationTopic": pulumi.String(opsTopicArn),
			},
			Alarms: alarms,
		})
		if err != nil {
			return err
		}

		quoteDefinition, err := definition("quote.asl.json")
		if err != nil {
			return err
		}
		express := sfnworkflows.WorkflowTypeExpress
		path, no := "/quotes", false
		quote, err := sfnworkflows.NewWorkflow(ctx, "quote", &sfnworkflows.WorkflowArgs{
			WorkflowType: &express,
			Definition:   quoteDefinition,
			DefinitionSubstitutions: map[string]pulumi.StringInput{
				"QuotesTable":     pulumi.String(quotesTable),
				"PricingFunction": pulumi.String("pricing"),
			},
			Alarms: alarms,
			// POST /quotes runs the workflow and answers with its output; callers sign with SigV4.
			SyncEndpoint: &sfnworkflows.WorkflowSyncEndpointArgs{
				Path:             &path,
				Request:          &sfnworkflows.SyncEndpointRequestArgs{PathParameters: &no, QueryString: &no},
				ErrorStatusCodes: map[string]int{"UnknownSku": 404, "Lambda.*": 502},
				Throttle:         &sfnworkflows.SyncEndpointThrottleArgs{RateLimit: 50, BurstLimit: 100},
			},
		})
		if err != nil {
			return err
		}

		// The same stack outputs as the TypeScript example, for StackReference consumers.
		reviewers := approvals.CallbackQueues.MapIndex(pulumi.String("reviewers"))
		ctx.Export("approvalsStateMachineArn", approvals.StateMachineArn)
		ctx.Export("reviewersQueueUrl", reviewers.QueueUrl())
		ctx.Export("reviewersQueueArn", reviewers.QueueArn())
		ctx.Export("workerPolicyArn", approvals.WorkerPolicyArn)
		ctx.Export("quoteStateMachineArn", quote.StateMachineArn)
		ctx.Export("quoteEndpointUrl", quote.EndpointUrl)
		return nil
	})
}
