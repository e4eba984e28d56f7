package main

// The gRPC ResourceProvider of the TEST DOUBLE. The engine drives it exactly as it drives the real
// AWS providers: CheckConfig/Configure, Check, Diff, Create/Update/Delete, Read, Invoke.

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/urn"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

const defaultRegion = "us-east-1"

type fakeProvider struct {
	pulumirpc.UnimplementedResourceProviderServer

	pkg     string
	version string
	rec     *recorder

	mu       sync.Mutex
	region   string
	versions map[string]int // versioned shapes: versions created per parent, by this process
}

func newFakeProvider(pkg, version, recordPath string) *fakeProvider {
	return &fakeProvider{pkg: pkg, version: version, rec: newRecorder(recordPath), region: defaultRegion}
}

var unmarshalOpts = plugin.MarshalOptions{
	KeepUnknowns: true, KeepSecrets: true, KeepResources: true, SkipNulls: true, KeepOutputValues: false,
}

var marshalOpts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true}

func unmarshal(s *structpb.Struct) (resource.PropertyMap, error) {
	if s == nil {
		return resource.PropertyMap{}, nil
	}
	return plugin.UnmarshalProperties(s, unmarshalOpts)
}

// oldsAndNews answers a diff's old and new inputs; engines that send no old inputs get the old
// outputs instead (Diff then compares them on the input keys only).
func oldsAndNews(req *pulumirpc.DiffRequest) (resource.PropertyMap, resource.PropertyMap, error) {
	olds, err := unmarshal(req.GetOldInputs())
	if err != nil {
		return nil, nil, err
	}
	if len(olds) == 0 {
		if olds, err = unmarshal(req.GetOlds()); err != nil {
			return nil, nil, err
		}
	}
	news, err := unmarshal(req.GetNews())
	return olds, news, err
}

func marshal(m resource.PropertyMap) (*structpb.Struct, error) {
	return plugin.MarshalProperties(m, marshalOpts)
}

func (p *fakeProvider) currentRegion() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.region
}

// ---- plugin metadata ----

func (p *fakeProvider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: p.version}, nil
}

// GetSchema answers with a schema that names the package and its version and declares nothing:
// enough for the engine; programs in languages that need the full AWS schema are out of scope.
func (p *fakeProvider) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	schema := fmt.Sprintf(`{"name":%q,"version":%q,"description":"Test double for the %s provider (sfn-workflows engine tests), nothing more.","resources":{},"functions":{}}`,
		p.pkg, p.version, p.pkg)
	return &pulumirpc.GetSchemaResponse{Schema: schema}, nil
}

func (p *fakeProvider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// ---- provider configuration ----

func (p *fakeProvider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *fakeProvider) DiffConfig(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	olds, news, err := oldsAndNews(req)
	if err != nil {
		return nil, err
	}
	if d := olds.DiffIncludeUnknowns(news); d.AnyChanges() {
		keys := []string{}
		for _, k := range d.ChangedKeys() {
			keys = append(keys, string(k))
		}
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_SOME, Diffs: keys}, nil
	}
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func (p *fakeProvider) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	region := ""
	if args := req.GetArgs(); args != nil {
		if v, ok := args.GetFields()["region"]; ok {
			region = v.GetStringValue()
		}
	}
	if region == "" {
		region = req.GetVariables()[p.pkg+":config:region"]
	}
	if region == "" {
		region = defaultRegion
	}
	p.mu.Lock()
	p.region = region
	p.mu.Unlock()
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true, AcceptResources: true}, nil
}

// ---- resources ----

func (p *fakeProvider) describe(rawURN string, inputs resource.PropertyMap) (*shape, *res) {
	u := urn.URN(rawURN)
	pkg, module, typ := parseToken(string(u.Type()))
	r := &res{
		pkg: pkg, module: module, typ: typ,
		urn: rawURN, logical: u.Name(), region: p.currentRegion(),
		inputs: plainMap(inputs),
	}
	if v, ok := r.inputs["region"].(string); ok && v != "" {
		r.region = v // @pulumi/aws v7: per-resource region
	}
	return shapeFor(pkg, module, typ), r
}

// Check proposes a physical name the way the real providers do (logical name + suffix) when the
// program gives neither a name nor a prefix, and keeps the previous one on later runs.
func (p *fakeProvider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	olds, err := unmarshal(req.GetOlds())
	if err != nil {
		return nil, err
	}
	s, r := p.describe(req.GetUrn(), news)
	if s.autoname && s.nameProp != "" {
		key := resource.PropertyKey(s.nameProp)
		_, hasName := news[key]
		hasPrefix := false
		if s.prefixProp != "" {
			_, hasPrefix = news[resource.PropertyKey(s.prefixProp)]
		}
		if !hasName && !hasPrefix {
			if old, ok := olds[key]; ok && old.IsString() {
				news[key] = old
			} else {
				news[key] = resource.NewStringProperty(r.logical + "-" + hash(7, r.urn))
			}
		}
	}
	inputs, err := marshal(news)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CheckResponse{Inputs: inputs}, nil
}

func (p *fakeProvider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	olds, news, err := oldsAndNews(req)
	if err != nil {
		return nil, err
	}
	ignored := map[string]bool{}
	for _, k := range req.GetIgnoreChanges() {
		ignored[k] = true
	}
	s, _ := p.describe(req.GetUrn(), news)
	forcesReplace := map[string]bool{}
	for _, k := range s.replaces {
		forcesReplace[k] = true
	}

	d := olds.DiffIncludeUnknowns(news, func(k resource.PropertyKey) bool {
		if ignored[string(k)] {
			return true
		}
		// Old outputs are not inputs: ignore keys the program never set.
		if len(req.GetOldInputs().GetFields()) == 0 {
			_, inNew := news[k]
			return !inNew
		}
		return false
	})
	// An input that is unknown (in a preview: it depends on something not yet created or replaced)
	// may change, as the real providers report; DiffIncludeUnknowns misses unknowns nested in objects.
	changedKeys := []resource.PropertyKey{}
	if d != nil {
		changedKeys = d.ChangedKeys()
	}
	for k, v := range news {
		if ignored[string(k)] || !v.ContainsUnknowns() || (d != nil && d.Changed(k)) {
			continue
		}
		if old, ok := olds[k]; !ok || !old.ContainsUnknowns() {
			changedKeys = append(changedKeys, k)
		}
	}
	if len(changedKeys) == 0 {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE, HasDetailedDiff: true}, nil
	}
	resp := &pulumirpc.DiffResponse{
		Changes:         pulumirpc.DiffResponse_DIFF_SOME,
		DetailedDiff:    map[string]*pulumirpc.PropertyDiff{},
		HasDetailedDiff: true,
	}
	for _, k := range changedKeys {
		key := string(k)
		resp.Diffs = append(resp.Diffs, key)
		kind := pulumirpc.PropertyDiff_UPDATE
		switch {
		case d != nil && d.Added(k):
			kind = pulumirpc.PropertyDiff_ADD
		case d != nil && d.Deleted(k):
			kind = pulumirpc.PropertyDiff_DELETE
		}
		if forcesReplace[key] {
			resp.Replaces = append(resp.Replaces, key)
			kind = map[pulumirpc.PropertyDiff_Kind]pulumirpc.PropertyDiff_Kind{
				pulumirpc.PropertyDiff_ADD:    pulumirpc.PropertyDiff_ADD_REPLACE,
				pulumirpc.PropertyDiff_DELETE: pulumirpc.PropertyDiff_DELETE_REPLACE,
				pulumirpc.PropertyDiff_UPDATE: pulumirpc.PropertyDiff_UPDATE_REPLACE,
			}[kind]
		}
		resp.DetailedDiff[key] = &pulumirpc.PropertyDiff{Kind: kind, InputDiff: true}
	}
	sort.Strings(resp.Diffs)
	sort.Strings(resp.Replaces)
	return resp, nil
}

// outputs computes the state of a resource: its inputs plus what AWS would compute. In the preview
// of a create, values AWS only knows after the call are unknown, as with the real providers; an
// existing resource (existing: an update) keeps its name, id and ARN.
func (p *fakeProvider) outputs(s *shape, r *res, inputs resource.PropertyMap, oldName string, existing, preview bool) (string, resource.PropertyMap) {
	out := inputs.Copy()
	nameKnown := true
	if s.nameProp != "" {
		key := resource.PropertyKey(s.nameProp)
		switch v, ok := inputs[key]; {
		case ok && v.IsString():
			r.name = v.StringValue()
		case ok && v.ContainsUnknowns():
			nameKnown = false
		case oldName != "":
			r.name = oldName
		case s.prefixProp != "" && inputs[resource.PropertyKey(s.prefixProp)].IsString():
			prefix := inputs[resource.PropertyKey(s.prefixProp)].StringValue()
			r.name = prefix + hash(26, r.urn, prefix)
			nameKnown = !preview
		case s.prefixProp != "" && inputs[resource.PropertyKey(s.prefixProp)].ContainsUnknowns():
			nameKnown = false
		default:
			r.name = r.logical + "-" + hash(7, r.urn)
		}
	}
	computed := map[string]string{}
	if s.nameProp != "" {
		computed[s.nameProp] = r.name
	}
	if s.arn != nil {
		computed["arn"] = s.arn(r)
	}
	if s.extra != nil {
		s.extra(r, computed)
	}
	id := ""
	if s.id != nil {
		id = s.id(r)
	}
	for k, v := range computed {
		key := resource.PropertyKey(k)
		if k == s.nameProp && nameKnown {
			if _, given := inputs[key]; given {
				continue
			}
			out[key] = resource.NewStringProperty(v)
			continue
		}
		if preview && (!existing || !nameKnown) {
			out[key] = resource.MakeComputed(resource.NewStringProperty(""))
		} else {
			out[key] = resource.NewStringProperty(v)
		}
		for _, secret := range s.secrets {
			if secret == k {
				out[key] = resource.MakeSecret(out[key])
			}
		}
	}
	if preview && (!existing || !nameKnown) {
		id = ""
	}
	return id, out
}

func (p *fakeProvider) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	inputs, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, err
	}
	s, r := p.describe(req.GetUrn(), inputs)
	if s.versioned && !req.GetPreview() {
		r.seq = p.nextVersion(typeOf(req.GetUrn()), r.str("stateMachineArn"))
	}
	id, outs := p.outputs(s, r, inputs, "", false, req.GetPreview())
	if !req.GetPreview() {
		if id == "" {
			id = r.logical + "-" + hash(12, r.urn)
		}
		if err := p.rec.write(entry{
			Op: "create", Provider: p.pkg, Version: p.version, Type: typeOf(req.GetUrn()), URN: req.GetUrn(),
			ID: id, Name: r.name, Inputs: plainMap(inputs), Outputs: plainMap(outs),
		}); err != nil {
			return nil, err
		}
	}
	props, err := marshal(outs)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, nil
}

func (p *fakeProvider) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	olds, err := unmarshal(req.GetOlds())
	if err != nil {
		return nil, err
	}
	oldInputs, err := unmarshal(req.GetOldInputs())
	if err != nil {
		return nil, err
	}
	s, r := p.describe(req.GetUrn(), news)
	oldName := ""
	if s.nameProp != "" {
		if v, ok := olds[resource.PropertyKey(s.nameProp)]; ok && v.IsString() {
			oldName = v.StringValue()
		}
	}
	if v, ok := olds["arn"]; ok && v.IsString() {
		r.oldArn = v.StringValue()
	}
	_, outs := p.outputs(s, r, news, oldName, true, req.GetPreview())
	if !req.GetPreview() {
		changed := []string{}
		for _, k := range oldInputs.DiffIncludeUnknowns(news).ChangedKeys() {
			changed = append(changed, string(k))
		}
		if err := p.rec.write(entry{
			Op: "update", Provider: p.pkg, Version: p.version, Type: typeOf(req.GetUrn()), URN: req.GetUrn(),
			ID: req.GetId(), Name: r.name, Changed: changed, Inputs: plainMap(news), Outputs: plainMap(outs),
		}); err != nil {
			return nil, err
		}
	}
	props, err := marshal(outs)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

func (p *fakeProvider) Delete(_ context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	props, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, err
	}
	s, _ := p.describe(req.GetUrn(), props)
	name := ""
	if s.nameProp != "" {
		if v, ok := props[resource.PropertyKey(s.nameProp)]; ok && v.IsString() {
			name = v.StringValue()
		}
	}
	if err := p.rec.write(entry{
		Op: "delete", Provider: p.pkg, Version: p.version, Type: typeOf(req.GetUrn()), URN: req.GetUrn(),
		ID: req.GetId(), Name: name,
	}); err != nil {
		return nil, err
	}
	return &emptypb.Empty{}, nil
}

// Read (refresh) finds every resource as the state left it.
func (p *fakeProvider) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

// ---- invokes ----

func (p *fakeProvider) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	args, err := unmarshal(req.GetArgs())
	if err != nil {
		return nil, err
	}
	region := p.currentRegion()
	if v, ok := args["region"]; ok && v.IsString() && v.StringValue() != "" {
		region = v.StringValue()
	}
	var ret map[string]any
	switch req.GetTok() {
	case "aws:index/getCallerIdentity:getCallerIdentity":
		ret = map[string]any{
			"accountId": fakeAccount,
			"arn":       fmt.Sprintf("arn:%s:iam::%s:user/sfn-workflows-test-double", fakePartition, fakeAccount),
			"id":        fakeAccount,
			"userId":    "AIDA" + "TESTDOUBLE00000000",
		}
	case "aws:index/getRegion:getRegion":
		ret = map[string]any{
			"id": region, "name": region, "region": region,
			"description": "test double region", "endpoint": "ec2." + region + ".amazonaws.com",
		}
	case "aws:index/getPartition:getPartition":
		ret = map[string]any{
			"id": fakePartition, "partition": fakePartition, "dnsSuffix": "amazonaws.com", "reverseDnsPrefix": "com.amazonaws",
		}
	case "aws-native:index:getAccountId":
		ret = map[string]any{"accountId": fakeAccount}
	case "aws-native:index:getRegion":
		ret = map[string]any{"region": region}
	case "aws-native:index:getPartition":
		ret = map[string]any{"partition": fakePartition}
	case "aws-native:index:getUrlSuffix":
		ret = map[string]any{"urlSuffix": "amazonaws.com"}
	default:
		return nil, status.Errorf(codes.Unimplemented,
			"the %s test double does not implement the invoke %q", p.pkg, req.GetTok())
	}
	out, err := marshal(resource.NewPropertyMapFromMap(ret))
	if err != nil {
		return nil, err
	}
	return &pulumirpc.InvokeResponse{Return: out}, nil
}

// nextVersion numbers a new version of PARENT: one more than the versions of it created so far,
// by this process or (the record spans every pulumi command of a test) any earlier one.
func (p *fakeProvider) nextVersion(typ, parent string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.versions == nil {
		p.versions = map[string]int{}
	}
	n := p.versions[parent]
	if recorded := p.rec.count(func(e entry) bool {
		arn, _ := e.Inputs["stateMachineArn"].(string)
		return e.Op == "create" && e.Type == typ && arn == parent
	}); recorded > n {
		n = recorded
	}
	p.versions[parent] = n + 1
	return n + 1
}

func typeOf(rawURN string) string { return string(urn.URN(rawURN).Type()) }

// plainMap turns a property map into JSON-friendly values: secrets become {"secret": value},
// unknowns the string "<unknown>", resource references their URN.
func plainMap(m resource.PropertyMap) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[string(k)] = plainValue(v)
	}
	return out
}

func plainValue(v resource.PropertyValue) any {
	switch {
	case v.IsNull():
		return nil
	case v.IsComputed():
		return "<unknown>"
	case v.IsOutput():
		o := v.OutputValue()
		if !o.Known {
			return "<unknown>"
		}
		if o.Secret {
			return map[string]any{"secret": plainValue(o.Element)}
		}
		return plainValue(o.Element)
	case v.IsSecret():
		return map[string]any{"secret": plainValue(v.SecretValue().Element)}
	case v.IsResourceReference():
		return string(v.ResourceReferenceValue().URN)
	case v.IsObject():
		return plainMap(v.ObjectValue())
	case v.IsArray():
		arr := []any{}
		for _, e := range v.ArrayValue() {
			arr = append(arr, plainValue(e))
		}
		return arr
	case v.IsString():
		return v.StringValue()
	case v.IsNumber():
		return v.NumberValue()
	case v.IsBool():
		return v.BoolValue()
	default:
		return fmt.Sprint(v.V)
	}
}
