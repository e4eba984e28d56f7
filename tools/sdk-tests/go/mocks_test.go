// Package sdktest exercises the generated Go SDK (sdk/go) under Pulumi's mocks: the mocks record
// the inputs the SDK sends for each component (what the provider's construct receives) and answer
// with the outputs schema.json promises.
package sdktest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/sfn-workflows/pulumi-sfn-workflows/sdk/go/sfnworkflows"
)

type mocks struct {
	mu       sync.Mutex
	recorded map[string]resource.PropertyMap
}

func (m *mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	m.mu.Lock()
	m.recorded[args.Name] = args.Inputs
	m.mu.Unlock()
	switch args.TypeToken {
	case "sfn-workflows:index:Workflow":
		queues := map[string]interface{}{}
		if callbacks, ok := args.Inputs["callbacks"]; ok && callbacks.IsObject() {
			for name := range callbacks.ObjectValue() {
				n := string(name)
				queues[n] = map[string]interface{}{
					"queueUrl":           "https://sqs.eu-west-1.amazonaws.com/111122223333/" + n,
					"queueArn":           "arn:aws:sqs:eu-west-1:111122223333:" + n,
					"deadLetterQueueUrl": "https://sqs.eu-west-1.amazonaws.com/111122223333/" + n + "-dlq",
					"deadLetterQueueArn": "arn:aws:sqs:eu-west-1:111122223333:" + n + "-dlq",
				}
			}
		}
		return args.Name + "-id", resource.NewPropertyMapFromMap(map[string]interface{}{
			"stateMachineArn":  "arn:aws:states:eu-west-1:111122223333:stateMachine:" + args.Name,
			"stateMachineName": args.Name,
			"roleArn":          "arn:aws:iam::111122223333:role/" + args.Name + "-role",
			"callbackQueues":   queues,
			"workerPolicyArn":  "arn:aws:iam::111122223333:policy/" + args.Name + "-worker",
			"alarmArns":        map[string]interface{}{"executionsFailed": "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:failed"},
			"endpointUrl":      "https://abc123.execute-api.eu-west-1.amazonaws.com/api/quotes",
		}), nil
	case "sfn-workflows:index:SyncEndpoint":
		return args.Name + "-id", resource.NewPropertyMapFromMap(map[string]interface{}{
			"url":       "https://abc123.execute-api.eu-west-1.amazonaws.com/api/",
			"apiId":     "abc123",
			"stageName": args.Inputs["stageName"].StringValue(),
			"roleArn":   "arn:aws:iam::111122223333:role/api",
		}), nil
	}
	return "", nil, fmt.Errorf("unexpected resource type %s", args.TypeToken)
}

func (m *mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return nil, fmt.Errorf("unexpected call %s", args.Token)
}

func ptr[T any](v T) *T { return &v }

func TestWorkflowUnderMocks(t *testing.T) {
	m := &mocks{recorded: map[string]resource.PropertyMap{}}
	queueURL := make(chan string, 1)
	endpointURL := make(chan string, 1)
	stage := make(chan string, 1)
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		topic := pulumi.String("arn:aws:sns:eu-west-1:111122223333:ops").ToStringOutput()
		wf, err := sfnworkflows.NewWorkflow(ctx, "quote", &sfnworkflows.WorkflowArgs{
			WorkflowType: ptr(sfnworkflows.WorkflowTypeExpress),
			Definition: map[string]interface{}{
				"StartAt": "Ask",
				"States": map[string]interface{}{"Ask": map[string]interface{}{
					"Type":     "Task",
					"Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
					"End":      true,
				}},
			},
			DefinitionSubstitutions: map[string]pulumi.StringInput{"OrdersTable": pulumi.String("orders").ToStringOutput()},
			Callbacks:               map[string]sfnworkflows.WorkflowCallbackArgs{"reviewers": {MaxReceiveCount: ptr(3)}},
			Logging:                 &sfnworkflows.LoggingArgs{Level: ptr(sfnworkflows.LogLevelAll)},
			Alarms:                  &sfnworkflows.WorkflowAlarmsArgs{Actions: []pulumi.StringInput{topic}},
			SyncEndpoint: &sfnworkflows.WorkflowSyncEndpointArgs{
				Path:             ptr("/quotes/{sku}"),
				ErrorStatusCodes: map[string]int{"Validation.*": 400, "NotFound": 404},
			},
		})
		if err != nil {
			return err
		}
		// The example: the queue URL of one callback.
		wf.CallbackQueues.MapIndex(pulumi.String("reviewers")).QueueUrl().ApplyT(func(u string) string {
			queueURL <- u
			return u
		})
		wf.EndpointUrl.ApplyT(func(u *string) string {
			endpointURL <- *u
			return *u
		})
		endpoint, err := sfnworkflows.NewSyncEndpoint(ctx, "api", &sfnworkflows.SyncEndpointArgs{
			StateMachineArn: wf.StateMachineArn,
			ApiType:         ptr(sfnworkflows.ApiTypeHttp),
		})
		if err != nil {
			return err
		}
		endpoint.StageName.ApplyT(func(s string) string {
			stage <- s
			return s
		})
		return nil
	}, pulumi.WithMocks("project", "stack", m))
	if err != nil {
		t.Fatal(err)
	}

	inputs := m.recorded["quote"]
	check := func(what string, want, got interface{}) {
		t.Helper()
		if fmt.Sprint(want) != fmt.Sprint(got) {
			t.Errorf("%s: want %v, got %v", what, want, got)
		}
	}
	check("workflowType", "EXPRESS", inputs["workflowType"].StringValue())
	check("tracing default", false, inputs["tracing"].BoolValue())
	check("definition.StartAt", "Ask", inputs["definition"].ObjectValue()["StartAt"].StringValue())
	check("definitionSubstitutions", "orders", inputs["definitionSubstitutions"].ObjectValue()["OrdersTable"].StringValue())
	check("callbacks.reviewers.maxReceiveCount", 3, inputs["callbacks"].ObjectValue()["reviewers"].ObjectValue()["maxReceiveCount"].NumberValue())
	check("logging.retentionInDays default", 30, inputs["logging"].ObjectValue()["retentionInDays"].NumberValue())
	check("alarms.actions", "arn:aws:sns:eu-west-1:111122223333:ops", inputs["alarms"].ObjectValue()["actions"].ArrayValue()[0].StringValue())
	sync := inputs["syncEndpoint"].ObjectValue()
	check("syncEndpoint.apiType default", "REST", sync["apiType"].StringValue())
	check("syncEndpoint.authorization default", "IAM", sync["authorization"].StringValue())
	check("syncEndpoint.errorStatusCodes", 404, sync["errorStatusCodes"].ObjectValue()["NotFound"].NumberValue())
	check("SyncEndpoint.apiType", "HTTP", m.recorded["api"]["apiType"].StringValue())
	check("SyncEndpoint.stateMachineArn", "arn:aws:states:eu-west-1:111122223333:stateMachine:quote", m.recorded["api"]["stateMachineArn"].StringValue())

	check("callbackQueues.reviewers.queueUrl", "https://sqs.eu-west-1.amazonaws.com/111122223333/reviewers", <-queueURL)
	check("endpointUrl", "https://abc123.execute-api.eu-west-1.amazonaws.com/api/quotes", <-endpointURL)
	check("SyncEndpoint.stageName default", "api", <-stage)
}
