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

func TestStateMachineRevisionIdFollowsTheConfiguration(t *testing.T) {
	p := configured(t, "")
	base := map[string]any{
		"name": "m", "type": "STANDARD", "definition": `{"a":1}`, "roleArn": "arn:aws:iam::123456789012:role/r",
		"loggingConfiguration": map[string]any{"level": "OFF"}, "tracingConfiguration": map[string]any{"enabled": false},
	}
	revision := func(inputs map[string]any, update bool) string {
		t.Helper()
		if update {
			resp, err := p.Update(context.Background(), &pulumirpc.UpdateRequest{
				Urn: machineURN, Id: "x", Olds: props(t, base), OldInputs: props(t, base), News: props(t, inputs),
			})
			if err != nil {
				t.Fatal(err)
			}
			out, _ := unmarshal(resp.Properties)
			return out["revisionId"].StringValue()
		}
		resp, err := p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: machineURN, Properties: props(t, inputs)})
		if err != nil {
			t.Fatal(err)
		}
		out, _ := unmarshal(resp.Properties)
		return out["revisionId"].StringValue()
	}
	first := revision(base, false)
	if len(first) != 32 || first != revision(base, false) || first != revision(base, true) {
		t.Fatalf("revisionId must be stable for the same configuration: %q", first)
	}
	seen := map[string]string{first: "base"}
	for key, value := range map[string]any{
		"definition":           `{"a":2}`,
		"roleArn":              "arn:aws:iam::123456789012:role/other",
		"loggingConfiguration": map[string]any{"level": "ALL"},
		"tracingConfiguration": map[string]any{"enabled": true},
	} {
		changed := map[string]any{}
		for k, v := range base {
			changed[k] = v
		}
		changed[key] = value
		for _, update := range []bool{false, true} {
			got := revision(changed, update)
			if prev, dup := seen[got]; dup && prev != key {
				t.Fatalf("a %s change (update %v) must give a new revisionId, got %q (as %s)", key, update, got, prev)
			}
			seen[got] = key
		}
	}
}

func TestStateMachineVersionsAndAliasArns(t *testing.T) {
	record := filepath.Join(t.TempDir(), "record.jsonl")
	p := newFakeProvider("aws-native", "1.79.0", record)
	machine := "arn:aws:states:eu-west-1:123456789012:stateMachine:m"
	versionURN := "urn:pulumi:dev::proj::aws-native:stepfunctions:StateMachineVersion::m"
	aliasURN := "urn:pulumi:dev::proj::aws-native:stepfunctions:StateMachineAlias::m"
	publish := func(revision string) string {
		t.Helper()
		resp, err := p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: versionURN,
			Properties: props(t, map[string]any{"stateMachineArn": machine, "stateMachineRevisionId": revision})})
		if err != nil {
			t.Fatal(err)
		}
		out, _ := unmarshal(resp.Properties)
		if resp.Id != out["arn"].StringValue() {
			t.Fatalf("version id %q != arn %v", resp.Id, out["arn"])
		}
		return resp.Id
	}
	if v1, v2 := publish("r1"), publish("r2"); v1 != machine+":1" || v2 != machine+":2" {
		t.Fatalf("versions: got %q, %q", v1, v2)
	}
	// A new process (the next pulumi command) continues the numbering from the record.
	p = newFakeProvider("aws-native", "1.79.0", record)
	if v3 := publish("r3"); v3 != machine+":3" {
		t.Fatalf("version after a restart: got %q", v3)
	}
	if resp := diff(t, p, versionURN, map[string]any{"stateMachineArn": machine, "stateMachineRevisionId": "r1"},
		map[string]any{"stateMachineArn": machine, "stateMachineRevisionId": "r2"}); len(resp.Replaces) != 1 {
		t.Fatalf("a new revision must replace the version: %v", resp)
	}

	alias := func(version string) map[string]any {
		return map[string]any{"name": "live", "deploymentPreference": map[string]any{"stateMachineVersionArn": version, "type": "CANARY"}}
	}
	created, err := p.Create(context.Background(), &pulumirpc.CreateRequest{Urn: aliasURN, Properties: props(t, alias(machine+":1"))})
	if err != nil {
		t.Fatal(err)
	}
	if created.Id != machine+":live" {
		t.Fatalf("alias id: %q", created.Id)
	}
	if resp := diff(t, p, aliasURN, alias(machine+":1"), alias(machine+":2")); len(resp.Replaces) != 0 || resp.Changes != pulumirpc.DiffResponse_DIFF_SOME {
		t.Fatalf("pointing the alias at a new version must be an update: %v", resp)
	}
	updated, err := p.Update(context.Background(), &pulumirpc.UpdateRequest{Urn: aliasURN, Id: created.Id,
		Olds: created.Properties, OldInputs: props(t, alias(machine+":1")), News: props(t, alias(machine+":2"))})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := unmarshal(updated.Properties)
	if out["arn"].StringValue() != machine+":live" {
		t.Fatalf("alias arn after an update: %v", out["arn"])
	}
}

func TestUnknownNestedInputIsAChange(t *testing.T) {
	// In a preview, an alias pointing at a version being replaced has an unknown version ARN:
	// that is a (possible) change, an update, as the real provider reports it.
	p := newFakeProvider("aws-native", "1.79.0", "")
	urn := "urn:pulumi:dev::proj::aws-native:stepfunctions:StateMachineAlias::m"
	old := resource.NewPropertyMapFromMap(map[string]any{"name": "live", "deploymentPreference": map[string]any{"stateMachineVersionArn": "arn:1"}})
	news := resource.NewPropertyMapFromMap(map[string]any{"name": "live",
		"deploymentPreference": map[string]any{"stateMachineVersionArn": resource.MakeComputed(resource.NewStringProperty(""))}})
	o, _ := marshal(old)
	n, _ := marshal(news)
	resp, err := p.Diff(context.Background(), &pulumirpc.DiffRequest{Urn: urn, Olds: o, OldInputs: o, News: n})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Changes != pulumirpc.DiffResponse_DIFF_SOME || len(resp.Replaces) != 0 || len(resp.Diffs) != 1 || resp.Diffs[0] != "deploymentPreference" {
		t.Fatalf("want an update of deploymentPreference, got %v", resp)
	}
}
