package main

// Tests of the TEST DOUBLE itself: the engine tests rely on it answering like AWS would in the
// respects they check (replacement rules, stable names, recorded operations).

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

const machineURN = "urn:pulumi:dev::proj::sfn-workflows:index:Workflow$aws:sfn/stateMachine:StateMachine::approvals"

func props(t *testing.T, m map[string]any) *structpb.Struct {
	t.Helper()
	s, err := marshal(resource.NewPropertyMapFromMap(m))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func configured(t *testing.T, record string) *fakeProvider {
	t.Helper()
	p := newFakeProvider("aws", "7.48.0", record)
	if _, err := p.Configure(context.Background(), &pulumirpc.ConfigureRequest{
		Variables: map[string]string{"aws:config:region": "eu-west-1"},
	}); err != nil {
		t.Fatal(err)
	}
	return p
}

func diff(t *testing.T, p *fakeProvider, urn string, olds, news map[string]any) *pulumirpc.DiffResponse {
	t.Helper()
	resp, err := p.Diff(context.Background(), &pulumirpc.DiffRequest{
		Urn: urn, Id: "x", Olds: props(t, olds), OldInputs: props(t, olds), News: props(t, news),
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestStateMachineDefinitionChangeIsAnUpdate(t *testing.T) {
	p := configured(t, "")
	old := map[string]any{"name": "m", "type": "STANDARD", "definition": `{"a":1}`}
	changed := map[string]any{"name": "m", "type": "STANDARD", "definition": `{"a":2}`}
	resp := diff(t, p, machineURN, old, changed)
	if resp.Changes != pulumirpc.DiffResponse_DIFF_SOME || len(resp.Replaces) != 0 {
		t.Fatalf("definition change: want an in-place update, got %v", resp)
	}
	if resp.DetailedDiff["definition"].Kind != pulumirpc.PropertyDiff_UPDATE {
		t.Fatalf("definition change: want UPDATE, got %v", resp.DetailedDiff)
	}
	if diff(t, p, machineURN, old, old).Changes != pulumirpc.DiffResponse_DIFF_NONE {
		t.Fatal("no change: want DIFF_NONE")
	}
}

func TestStateMachineNameAndTypeForceReplacement(t *testing.T) {
	p := configured(t, "")
	old := map[string]any{"name": "m", "type": "STANDARD", "definition": "{}"}
	for key, value := range map[string]any{"name": "other", "type": "EXPRESS"} {
		news := map[string]any{"name": "m", "type": "STANDARD", "definition": "{}"}
		news[key] = value
		resp := diff(t, p, machineURN, old, news)
		if len(resp.Replaces) != 1 || resp.Replaces[0] != key {
			t.Fatalf("%s change: want a replacement on %s, got %v", key, key, resp)
		}
		if resp.DetailedDiff[key].Kind != pulumirpc.PropertyDiff_UPDATE_REPLACE {
			t.Fatalf("%s change: want UPDATE_REPLACE, got %v", key, resp.DetailedDiff)
		}
	}
}

func TestCheckProposesAStableName(t *testing.T) {
	p := configured(t, "")
	urn := "urn:pulumi:dev::proj::aws:sqs/queue:Queue::reviewers"
	check := func(olds map[string]any) string {
		resp, err := p.Check(context.Background(), &pulumirpc.CheckRequest{Urn: urn, Olds: props(t, olds), News: props(t, map[string]any{})})
		if err != nil {
			t.Fatal(err)
		}
		return resp.Inputs.Fields["name"].GetStringValue()
	}
	first := check(map[string]any{})
	if first != check(map[string]any{}) || len(first) != len("reviewers-")+7 {
		t.Fatalf("autoname not stable or not shaped like AWS's: %q", first)
	}
	if got := check(map[string]any{"name": "kept-1234567"}); got != "kept-1234567" {
		t.Fatalf("autoname of an existing resource: want the old name, got %q", got)
	}
}

func TestCreateAssignsAwsShapedOutputsAndRecords(t *testing.T) {
	record := filepath.Join(t.TempDir(), "record.jsonl")
	p := configured(t, record)
	urn := "urn:pulumi:dev::proj::aws:sqs/queue:Queue::reviewers"
	preview, err := p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: urn, Properties: props(t, map[string]any{"name": "q1"}), Preview: true})
	if err != nil {
		t.Fatal(err)
	}
	previewed, _ := unmarshal(preview.Properties)
	if !previewed["arn"].IsComputed() || previewed["name"].StringValue() != "q1" {
		t.Fatalf("preview: want an unknown arn and the known name, got %v", previewed)
	}
	resp, err := p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: urn, Properties: props(t, map[string]any{"name": "q1"})})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := unmarshal(resp.Properties)
	wantURL := "https://sqs.eu-west-1.amazonaws.com/123456789012/q1"
	if resp.Id != wantURL || out["url"].StringValue() != wantURL || out["arn"].StringValue() != "arn:aws:sqs:eu-west-1:123456789012:q1" {
		t.Fatalf("queue outputs: got id %q, %v", resp.Id, out)
	}
	if _, err := p.Delete(context.Background(), &pulumirpc.DeleteRequest{Urn: urn, Id: resp.Id, Properties: resp.Properties}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(record)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ops []string
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		var e entry
		if err := json.Unmarshal(scanner.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		if e.ID != wantURL || e.Type != "aws:sqs/queue:Queue" {
			t.Fatalf("record entry: %+v", e)
		}
		ops = append(ops, e.Op)
	}
	if len(ops) != 2 || ops[0] != "create" || ops[1] != "delete" {
		t.Fatalf("record: want create then delete (the preview is not recorded), got %v", ops)
	}
}

func TestNamePrefixCompletedWithAUniqueSuffix(t *testing.T) {
	p := configured(t, "")
	resp, err := p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: machineURN, Properties: props(t, map[string]any{"namePrefix": "approvals-", "type": "STANDARD"})})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := unmarshal(resp.Properties)
	name := out["name"].StringValue()
	if len(name) != len("approvals-")+26 || resp.Id != "arn:aws:states:eu-west-1:123456789012:stateMachine:"+name {
		t.Fatalf("state machine from a prefix: id %q, name %q", resp.Id, name)
	}
}

func TestInvokes(t *testing.T) {
	p := configured(t, "")
	call := func(tok string) map[string]any {
		resp, err := p.Invoke(context.Background(), &pulumirpc.InvokeRequest{Tok: tok, Args: props(t, map[string]any{})})
		if err != nil {
			t.Fatal(err)
		}
		return resp.Return.AsMap()
	}
	if got := call("aws:index/getCallerIdentity:getCallerIdentity")["accountId"]; got != fakeAccount {
		t.Fatalf("getCallerIdentity: %v", got)
	}
	if got := call("aws:index/getRegion:getRegion")["region"]; got != "eu-west-1" {
		t.Fatalf("getRegion: %v", got)
	}
	if got := call("aws:index/getPartition:getPartition")["partition"]; got != "aws" {
		t.Fatalf("getPartition: %v", got)
	}
	if _, err := p.Invoke(context.Background(), &pulumirpc.InvokeRequest{Tok: "aws:s3/getBucket:getBucket", Args: props(t, map[string]any{})}); err == nil {
		t.Fatal("an unknown invoke must fail")
	}
}
