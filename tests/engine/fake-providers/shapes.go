package main

// What the TEST DOUBLE knows about AWS resource types: which input holds the physical name, which
// properties force a replacement in real AWS (Terraform's ForceNew / CloudFormation's create-only
// properties), how the id and the ARN look, and which other outputs AWS computes. Types not
// listed get an ARN and a name.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

const (
	fakeAccount   = "123456789012"
	fakePartition = "aws"
)

// shape describes one resource type.
type shape struct {
	// nameProp is the input that holds the physical name ("" when the type has none).
	nameProp string
	// prefixProp is the input whose value the provider completes with a unique suffix.
	prefixProp string
	// autoname: without nameProp or prefixProp, the provider proposes a name at Check time
	// (logical name + suffix), as the real providers do; it becomes an input.
	autoname bool
	// replaces lists the inputs whose change forces a replacement.
	replaces []string
	// id returns the physical id from the name and the inputs.
	id func(r *res) string
	// arn returns the ARN ("" for types without one).
	arn func(r *res) string
	// extra adds computed outputs.
	extra func(r *res, out map[string]string)
	// secrets lists the computed outputs AWS treats as secret.
	secrets []string
	// versioned: each create is a new numbered version of its parent (r.seq), as Step Functions
	// numbers the versions of a state machine.
	versioned bool
}

// res is what a shape sees of one resource.
type res struct {
	pkg, module, typ string // "aws", "sqs", "Queue"
	urn              string
	logical          string // the resource's logical name (from the URN)
	name             string // the physical name ("" if none)
	region           string
	inputs           map[string]any
	seq              int    // versioned shapes: the version number of a create
	oldArn           string // an update: the ARN the resource already has (ARNs survive updates)
}

func (r *res) str(key string) string {
	if v, ok := r.inputs[key].(string); ok {
		return v
	}
	return ""
}

func (r *res) arnFor(service, resource string) string {
	return fmt.Sprintf("arn:%s:%s:%s:%s:%s", fakePartition, service, r.region, fakeAccount, resource)
}

func (r *res) globalArnFor(service, resource string) string {
	return fmt.Sprintf("arn:%s:%s::%s:%s", fakePartition, service, fakeAccount, resource)
}

func (r *res) iamPath() string {
	if p := r.str("path"); p != "" {
		return p
	}
	return "/"
}

// hash gives a stable hex suffix of length n for the given parts.
func hash(n int, parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	s := hex.EncodeToString(h[:])
	for len(s) < n {
		s += s
	}
	return s[:n]
}

func byName(r *res) string { return r.name }

func byArn(s *shape) func(r *res) string {
	return func(r *res) string { return s.arn(r) }
}

// lowerFirst turns "StateMachine" into "stateMachine".
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

var awsShapes = map[string]*shape{}
var awsNativeShapes = map[string]*shape{}

func init() {
	// ---- aws (the Terraform-bridged provider, @pulumi/aws) ----
	sqsQueue := &shape{
		nameProp: "name", prefixProp: "namePrefix", autoname: true,
		replaces: []string{"name", "namePrefix", "fifoQueue"},
		id: func(r *res) string {
			return fmt.Sprintf("https://sqs.%s.amazonaws.com/%s/%s", r.region, fakeAccount, r.name)
		},
		arn: func(r *res) string { return r.arnFor("sqs", r.name) },
		extra: func(r *res, out map[string]string) {
			out["url"] = fmt.Sprintf("https://sqs.%s.amazonaws.com/%s/%s", r.region, fakeAccount, r.name)
		},
	}
	awsShapes["sqs:Queue"] = sqsQueue
	for _, t := range []string{"sqs:QueuePolicy", "sqs:RedriveAllowPolicy", "sqs:RedrivePolicy"} {
		awsShapes[t] = &shape{
			replaces: []string{"queueUrl"},
			id:       func(r *res) string { return r.str("queueUrl") },
		}
	}
	sfn := &shape{
		nameProp: "name", prefixProp: "namePrefix", autoname: true,
		replaces: []string{"name", "namePrefix", "type"},
		arn:      func(r *res) string { return r.arnFor("states", "stateMachine:"+r.name) },
		extra: func(r *res, out map[string]string) {
			out["status"] = "ACTIVE"
			out["creationDate"] = "2026-01-01T00:00:00Z"
			// Like Step Functions: a new revision for every change of the definition, role, logging
			// or tracing (fmt.Sprint prints maps with sorted keys: stable).
			out["revisionId"] = hash(32, r.urn, fmt.Sprint(r.inputs["definition"]), fmt.Sprint(r.inputs["roleArn"]),
				fmt.Sprint(r.inputs["loggingConfiguration"]), fmt.Sprint(r.inputs["tracingConfiguration"]))
		},
	}
	sfn.id = byArn(sfn)
	awsShapes["sfn:StateMachine"] = sfn
	sfnActivity := &shape{
		nameProp: "name", autoname: true, replaces: []string{"name"},
		arn: func(r *res) string { return r.arnFor("states", "activity:"+r.name) },
	}
	sfnActivity.id = byArn(sfnActivity)
	awsShapes["sfn:Activity"] = sfnActivity
	awsShapes["iam:Role"] = &shape{
		nameProp: "name", prefixProp: "namePrefix", autoname: true,
		replaces: []string{"name", "namePrefix", "path"},
		id:       byName,
		arn:      func(r *res) string { return r.globalArnFor("iam", "role"+r.iamPath()+r.name) },
		extra: func(r *res, out map[string]string) {
			out["uniqueId"] = "AROA" + strings.ToUpper(hash(17, r.urn))
			out["createDate"] = "2026-01-01T00:00:00Z"
		},
	}
	iamPolicy := &shape{
		nameProp: "name", prefixProp: "namePrefix", autoname: true,
		replaces: []string{"name", "namePrefix", "path", "description"},
		arn:      func(r *res) string { return r.globalArnFor("iam", "policy"+r.iamPath()+r.name) },
		extra: func(r *res, out map[string]string) {
			out["policyId"] = "ANPA" + strings.ToUpper(hash(17, r.urn))
		},
	}
	iamPolicy.id = byArn(iamPolicy)
	awsShapes["iam:Policy"] = iamPolicy
	awsShapes["iam:RolePolicy"] = &shape{
		nameProp: "name", prefixProp: "namePrefix", autoname: true,
		replaces: []string{"name", "namePrefix", "role"},
		id:       func(r *res) string { return r.str("role") + ":" + r.name },
	}
	awsShapes["iam:RolePolicyAttachment"] = &shape{
		replaces: []string{"role", "policyArn"},
		id:       func(r *res) string { return r.str("role") + "-" + hash(26, r.urn, r.str("policyArn")) },
	}
	awsShapes["cloudwatch:LogGroup"] = &shape{
		nameProp: "name", prefixProp: "namePrefix", autoname: true,
		replaces: []string{"name", "namePrefix"},
		id:       byName,
		arn:      func(r *res) string { return r.arnFor("logs", "log-group:"+r.name) },
	}
	awsShapes["cloudwatch:MetricAlarm"] = &shape{
		nameProp: "name", autoname: true,
		replaces: []string{"name"},
		id:       byName,
		arn:      func(r *res) string { return r.arnFor("cloudwatch", "alarm:"+r.name) },
	}
	awsShapes["cloudwatch:LogMetricFilter"] = &shape{
		nameProp: "name", autoname: true,
		replaces: []string{"name", "logGroupName"},
		id:       byName,
	}
	awsShapes["dynamodb:Table"] = &shape{
		nameProp: "name", autoname: true,
		replaces: []string{"name", "hashKey", "rangeKey"},
		id:       byName,
		arn:      func(r *res) string { return r.arnFor("dynamodb", "table/"+r.name) },
	}
	snsTopic := &shape{
		nameProp: "name", prefixProp: "namePrefix", autoname: true,
		replaces: []string{"name", "namePrefix", "fifoTopic"},
		arn:      func(r *res) string { return r.arnFor("sns", r.name) },
	}
	snsTopic.id = byArn(snsTopic)
	awsShapes["sns:Topic"] = snsTopic
	awsShapes["lambda:Function"] = &shape{
		nameProp: "name", autoname: true, replaces: []string{"name"},
		id:  byName,
		arn: func(r *res) string { return r.arnFor("lambda", "function:"+r.name) },
		extra: func(r *res, out map[string]string) {
			out["invokeArn"] = fmt.Sprintf("arn:%s:apigateway:%s:lambda:path/2015-03-31/functions/%s/invocations",
				fakePartition, r.region, r.arnFor("lambda", "function:"+r.name))
		},
	}

	// API Gateway (REST, v1) and HTTP APIs (v2): ids are short random strings in AWS.
	execArn := func(r *res, api string) string { return r.arnFor("execute-api", api) }
	invoke := func(r *res, api, stage string) string {
		url := fmt.Sprintf("https://%s.execute-api.%s.amazonaws.com/", api, r.region)
		if stage != "" && stage != "$default" {
			url += stage
		}
		return url
	}
	shortID := func(r *res) string { return hash(10, r.urn) }
	awsShapes["apigateway:RestApi"] = &shape{
		id: shortID,
		arn: func(r *res) string {
			return fmt.Sprintf("arn:%s:apigateway:%s::/restapis/%s", fakePartition, r.region, shortID(r))
		},
		extra: func(r *res, out map[string]string) {
			out["rootResourceId"] = hash(10, r.urn, "root")
			out["executionArn"] = execArn(r, shortID(r))
			out["createdDate"] = "2026-01-01T00:00:00Z"
		},
	}
	awsShapes["apigateway:Resource"] = &shape{
		replaces: []string{"restApi", "parentId", "pathPart"}, id: func(r *res) string { return hash(6, r.urn) },
	}
	awsShapes["apigateway:Deployment"] = &shape{
		replaces: []string{"restApi", "triggers", "variables"}, id: func(r *res) string { return hash(6, r.urn, fmt.Sprint(r.inputs["triggers"])) },
		extra: func(r *res, out map[string]string) {
			out["createdDate"] = "2026-01-01T00:00:00Z"
		},
	}
	awsShapes["apigateway:Stage"] = &shape{
		replaces: []string{"restApi", "stageName"},
		id:       func(r *res) string { return "ags-" + r.str("restApi") + "-" + r.str("stageName") },
		arn: func(r *res) string {
			return fmt.Sprintf("arn:%s:apigateway:%s::/restapis/%s/stages/%s", fakePartition, r.region, r.str("restApi"), r.str("stageName"))
		},
		extra: func(r *res, out map[string]string) {
			out["invokeUrl"] = invoke(r, r.str("restApi"), r.str("stageName"))
			out["executionArn"] = execArn(r, r.str("restApi")+"/"+r.str("stageName"))
		},
	}
	for _, t := range []string{"Method", "Integration", "MethodResponse", "IntegrationResponse"} {
		awsShapes["apigateway:"+t] = &shape{
			replaces: []string{"restApi", "resourceId", "httpMethod", "statusCode"},
			id: func(r *res) string {
				return "ag-" + r.str("restApi") + "-" + r.str("resourceId") + "-" + r.str("httpMethod") + hash(4, r.urn)
			},
		}
	}
	for _, t := range []string{"Model", "RequestValidator", "Authorizer", "UsagePlan", "Response", "GatewayResponse", "MethodSettings"} {
		awsShapes["apigateway:"+t] = &shape{replaces: []string{"restApi"}, id: func(r *res) string { return hash(6, r.urn) }}
	}
	awsShapes["apigateway:ApiKey"] = &shape{
		id: func(r *res) string { return hash(10, r.urn) },
		arn: func(r *res) string {
			return fmt.Sprintf("arn:%s:apigateway:%s::/apikeys/%s", fakePartition, r.region, hash(10, r.urn))
		},
		extra: func(r *res, out map[string]string) {
			out["value"] = hash(40, r.urn, "key")
		},
		secrets: []string{"value"},
	}
	awsShapes["apigateway:UsagePlanKey"] = &shape{
		replaces: []string{"keyId", "keyType", "usagePlanId"}, id: func(r *res) string { return r.str("keyId") },
	}
	awsShapes["apigatewayv2:Api"] = &shape{
		replaces: []string{"protocolType"},
		id:       shortID,
		arn: func(r *res) string {
			return fmt.Sprintf("arn:%s:apigateway:%s::/apis/%s", fakePartition, r.region, shortID(r))
		},
		extra: func(r *res, out map[string]string) {
			out["apiEndpoint"] = strings.TrimSuffix(invoke(r, shortID(r), ""), "/")
			out["executionArn"] = execArn(r, shortID(r))
		},
	}
	for _, t := range []string{"Integration", "Authorizer", "Route", "Deployment"} {
		awsShapes["apigatewayv2:"+t] = &shape{replaces: []string{"apiId"}, id: func(r *res) string { return hash(7, r.urn) }}
	}
	awsShapes["apigatewayv2:Stage"] = &shape{
		nameProp: "name", replaces: []string{"apiId", "name"},
		id: byName,
		arn: func(r *res) string {
			return fmt.Sprintf("arn:%s:apigateway:%s::/apis/%s/stages/%s", fakePartition, r.region, r.str("apiId"), r.name)
		},
		extra: func(r *res, out map[string]string) {
			out["invokeUrl"] = invoke(r, r.str("apiId"), r.name)
			out["executionArn"] = execArn(r, r.str("apiId")+"/"+r.name)
		},
	}

	// ---- aws-native (the CloudFormation-based provider, @pulumi/aws-native) ----
	awsNativeShapes["sqs:Queue"] = &shape{
		nameProp: "queueName", autoname: true, replaces: []string{"queueName", "fifoQueue"},
		id: func(r *res) string {
			return fmt.Sprintf("https://sqs.%s.amazonaws.com/%s/%s", r.region, fakeAccount, r.name)
		},
		arn: func(r *res) string { return r.arnFor("sqs", r.name) },
		extra: func(r *res, out map[string]string) {
			out["queueUrl"] = fmt.Sprintf("https://sqs.%s.amazonaws.com/%s/%s", r.region, fakeAccount, r.name)
		},
	}
	nativeSfn := &shape{
		nameProp: "stateMachineName", autoname: true, replaces: []string{"stateMachineName", "stateMachineType"},
		arn: func(r *res) string { return r.arnFor("states", "stateMachine:"+r.name) },
		extra: func(r *res, out map[string]string) {
			out["name"] = r.name
			out["stateMachineRevisionId"] = hash(32, r.urn, fmt.Sprint(r.inputs["definitionString"]), fmt.Sprint(r.inputs["definition"]))
		},
	}
	nativeSfn.id = byArn(nativeSfn)
	awsNativeShapes["stepfunctions:StateMachine"] = nativeSfn
	// A published version: "<machine arn>:<n>", n counting the versions of that machine (CloudFormation:
	// StateMachineArn and StateMachineRevisionId are create-only).
	sfnVersion := &shape{
		replaces:  []string{"stateMachineArn", "stateMachineRevisionId"},
		versioned: true,
		arn: func(r *res) string {
			if r.oldArn != "" {
				return r.oldArn
			}
			return fmt.Sprintf("%s:%d", r.str("stateMachineArn"), r.seq)
		},
	}
	sfnVersion.id = byArn(sfnVersion)
	awsNativeShapes["stepfunctions:StateMachineVersion"] = sfnVersion
	// An alias: "<machine arn>:<alias name>", the machine being the one of the version it routes to
	// (CloudFormation: Name is create-only; the routing and deployment preference update in place).
	sfnAlias := &shape{
		nameProp: "name", replaces: []string{"name"},
		arn: func(r *res) string {
			if r.oldArn != "" {
				return r.oldArn
			}
			versionArn := ""
			if pref, ok := r.inputs["deploymentPreference"].(map[string]any); ok {
				versionArn, _ = pref["stateMachineVersionArn"].(string)
			}
			if routes, ok := r.inputs["routingConfiguration"].([]any); ok && versionArn == "" && len(routes) > 0 {
				if route, ok := routes[0].(map[string]any); ok {
					versionArn, _ = route["stateMachineVersionArn"].(string)
				}
			}
			machineArn := versionArn
			if i := strings.LastIndex(versionArn, ":"); i >= 0 {
				machineArn = versionArn[:i]
			}
			return machineArn + ":" + r.name
		},
	}
	sfnAlias.id = byArn(sfnAlias)
	awsNativeShapes["stepfunctions:StateMachineAlias"] = sfnAlias
	awsNativeShapes["iam:Role"] = &shape{
		nameProp: "roleName", autoname: true, replaces: []string{"roleName", "path"},
		id:  byName,
		arn: func(r *res) string { return r.globalArnFor("iam", "role"+r.iamPath()+r.name) },
		extra: func(r *res, out map[string]string) {
			out["roleId"] = "AROA" + strings.ToUpper(hash(17, r.urn))
		},
	}
	awsNativeShapes["logs:LogGroup"] = &shape{
		nameProp: "logGroupName", autoname: true, replaces: []string{"logGroupName"},
		id:  byName,
		arn: func(r *res) string { return r.arnFor("logs", "log-group:"+r.name+":*") },
	}
	awsNativeShapes["dynamodb:Table"] = &shape{
		nameProp: "tableName", autoname: true, replaces: []string{"tableName"},
		id:  byName,
		arn: func(r *res) string { return r.arnFor("dynamodb", "table/"+r.name) },
	}
	nativeTopic := &shape{
		nameProp: "topicName", autoname: true, replaces: []string{"topicName", "fifoTopic"},
		arn: func(r *res) string { return r.arnFor("sns", r.name) },
		extra: func(r *res, out map[string]string) {
			out["topicArn"] = r.arnFor("sns", r.name)
		},
	}
	nativeTopic.id = byArn(nativeTopic)
	awsNativeShapes["sns:Topic"] = nativeTopic
}

// genericShape is used for every type the tables above do not list: an ARN and a name.
func genericShape() *shape {
	return &shape{
		nameProp: "name", prefixProp: "namePrefix",
		replaces: []string{"name", "namePrefix"},
		id:       byName,
		arn: func(r *res) string {
			return r.arnFor(r.module, lowerFirst(r.typ)+"/"+r.name)
		},
	}
}

// parseToken splits "aws:sqs/queue:Queue" into ("aws", "sqs", "Queue") and
// "aws-native:sqs:Queue" into ("aws-native", "sqs", "Queue").
func parseToken(tok string) (pkg, module, typ string) {
	parts := strings.Split(tok, ":")
	if len(parts) != 3 {
		return tok, "", tok
	}
	module = parts[1]
	if i := strings.Index(module, "/"); i >= 0 {
		module = module[:i]
	}
	return parts[0], module, parts[2]
}

func shapeFor(pkg, module, typ string) *shape {
	table := awsShapes
	if pkg == "aws-native" {
		table = awsNativeShapes
	}
	if s, ok := table[module+":"+typ]; ok {
		return s
	}
	return genericShape()
}
