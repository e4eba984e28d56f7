package main

import (
	"encoding/json"
	"testing"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// sampleSchema has what the rewriting must tell apart: properties of a resource and of nested
// types (through a map and an array), an explicit C# name, an enum, and backticked text that is
// not a property where it stands.
const sampleSchema = `{
  "name": "demo",
  "description": "Start with ` + "`definitionSubstitutions`" + `.",
  "resources": {
    "demo:index:Workflow": {
      "isComponent": true,
      "description": "Tune ` + "`callbacks.NAME.maxReceiveCount`, `callbacks.reviewers.alarms.evaluationPeriods`" + `; not ` +
	"`callbacks.NAME.nope`, `NAME.deadLetters`, `${Key}`, `${callbacks.NAME.queueUrl}`, `STANDARD`, `HeartbeatSeconds`, `authorization: JWT`" + `.",
      "inputProperties": {
        "definitionSubstitutions": {
          "type": "object", "additionalProperties": {"type": "string"},
          "description": "` + "`${Key}` is replaced; KMS key: `kmsKeyArn`; ```definitionSubstitutions```" + `."
        },
        "callbacks": {"type": "object", "additionalProperties": {"$ref": "#/types/demo:index:Callback"}},
        "kmsKeyArn": {"type": "string", "language": {"csharp": {"name": "KeyArn"}}},
        "statements": {"type": "array", "items": {"$ref": "#/types/demo:index:Statement"},
          "description": "See ` + "`statements.Effect`" + `."}
      },
      "properties": {
        "aliasArn": {"type": "string", "description": "Export it beside ` + "`kmsKeyArn`" + `."},
        "alarmArns": {"type": "object", "additionalProperties": {"type": "string"},
          "description": "By name: ` + "`executionsFailed`, `NAME.deadLetters`" + `."}
      }
    }
  },
  "types": {
    "demo:index:Callback": {
      "type": "object",
      "properties": {
        "maxReceiveCount": {"type": "integer", "description": "Default: the workflow's ` + "`alarms.evaluationPeriods`" + `."},
        "alarms": {"$ref": "#/types/demo:index:Alarms"}
      }
    },
    "demo:index:Alarms": {
      "type": "object",
      "description": "Overrides the workflow's ` + "`aliasArn`" + ` alarms.",
      "properties": {
        "evaluationPeriods": {"type": "integer"},
        "executionsFailed": {"type": "boolean", "description": "` + "`false` skips it; with `evaluationPeriods`" + `."}
      }
    },
    "demo:index:Statement": {
      "type": "object",
      "properties": {"Effect": {"type": "string"}}
    },
    "demo:index:Mode": {
      "type": "string",
      "description": "Used by ` + "`callbacks`" + `.",
      "enum": [{"value": "FAST", "description": "Needs ` + "`kmsKeyArn`" + `, like ` + "`FAST`" + `."}]
    }
  }
}`

// localizedSample returns the sample's descriptions after rewriting for lang, keyed by where they are.
func localizedSample(t *testing.T, lang string) map[string]string {
	t.Helper()
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(sampleSchema), &spec); err != nil {
		t.Fatal(err)
	}
	localizeDocs(&spec, docNamers[lang])
	wf := spec.Resources["demo:index:Workflow"]
	return map[string]string{
		"package":                  spec.Description,
		"Workflow":                 wf.Description,
		"definitionSubstitutions":  wf.InputProperties["definitionSubstitutions"].Description,
		"statements":               wf.InputProperties["statements"].Description,
		"aliasArn":                 wf.Properties["aliasArn"].Description,
		"alarmArns":                wf.Properties["alarmArns"].Description,
		"Callback.maxReceiveCount": spec.Types["demo:index:Callback"].Properties["maxReceiveCount"].Description,
		"Alarms":                   spec.Types["demo:index:Alarms"].Description,
		"Alarms.executionsFailed":  spec.Types["demo:index:Alarms"].Properties["executionsFailed"].Description,
		"Mode":                     spec.Types["demo:index:Mode"].Description,
		"Mode.FAST":                spec.Types["demo:index:Mode"].Enum[0].Description,
	}
}

// untouched is the part of the Workflow description that is no property path: it must read the
// same in every language.
const untouched = "; not `callbacks.NAME.nope`, `NAME.deadLetters`, `${Key}`, `${callbacks.NAME.queueUrl}`, " +
	"`STANDARD`, `HeartbeatSeconds`, `authorization: JWT`."

func TestLocalizeDocs(t *testing.T) {
	want := map[string]map[string]string{
		"python": {
			"package":                  "Start with `definition_substitutions`.",
			"Workflow":                 "Tune `callbacks.NAME.max_receive_count`, `callbacks.reviewers.alarms.evaluation_periods`" + untouched,
			"definitionSubstitutions":  "`${Key}` is replaced; KMS key: `kms_key_arn`; ```definitionSubstitutions```.",
			"statements":               "See `statements.effect`.",
			"aliasArn":                 "Export it beside `kms_key_arn`.",
			"alarmArns":                "By name: `executionsFailed`, `NAME.deadLetters`.",
			"Callback.maxReceiveCount": "Default: the workflow's `alarms.evaluation_periods`.",
			"Alarms":                   "Overrides the workflow's `alias_arn` alarms.",
			"Alarms.executionsFailed":  "`false` skips it; with `evaluation_periods`.",
			"Mode":                     "Used by `callbacks`.",
			"Mode.FAST":                "Needs `kms_key_arn`, like `FAST`.",
		},
		"go": {
			"package":                  "Start with `DefinitionSubstitutions`.",
			"Workflow":                 "Tune `Callbacks.NAME.MaxReceiveCount`, `Callbacks.reviewers.Alarms.EvaluationPeriods`" + untouched,
			"definitionSubstitutions":  "`${Key}` is replaced; KMS key: `KmsKeyArn`; ```definitionSubstitutions```.",
			"statements":               "See `Statements.Effect`.",
			"aliasArn":                 "Export it beside `KmsKeyArn`.",
			"alarmArns":                "By name: `executionsFailed`, `NAME.deadLetters`.",
			"Callback.maxReceiveCount": "Default: the workflow's `Alarms.EvaluationPeriods`.",
			"Alarms":                   "Overrides the workflow's `AliasArn` alarms.",
			"Alarms.executionsFailed":  "`false` skips it; with `EvaluationPeriods`.",
			"Mode":                     "Used by `Callbacks`.",
			"Mode.FAST":                "Needs `KmsKeyArn`, like `FAST`.",
		},
		"dotnet": {
			"package":                  "Start with `DefinitionSubstitutions`.",
			"Workflow":                 "Tune `Callbacks.NAME.MaxReceiveCount`, `Callbacks.reviewers.Alarms.EvaluationPeriods`" + untouched,
			"definitionSubstitutions":  "`${Key}` is replaced; KMS key: `KeyArn`; ```definitionSubstitutions```.",
			"statements":               "See `Statements.Effect`.",
			"aliasArn":                 "Export it beside `KeyArn`.",
			"alarmArns":                "By name: `executionsFailed`, `NAME.deadLetters`.",
			"Callback.maxReceiveCount": "Default: the workflow's `Alarms.EvaluationPeriods`.",
			"Alarms":                   "Overrides the workflow's `AliasArn` alarms.",
			"Alarms.executionsFailed":  "`false` skips it; with `EvaluationPeriods`.",
			"Mode":                     "Used by `Callbacks`.",
			"Mode.FAST":                "Needs `KeyArn`, like `FAST`.",
		},
	}
	for lang, expected := range want {
		got := localizedSample(t, lang)
		for where, text := range expected {
			if got[where] != text {
				t.Errorf("%s %s:\n got  %q\n want %q", lang, where, got[where], text)
			}
		}
	}
}

// Java and TypeScript use the schema's names: no namer, so their docs are the schema's text.
func TestSchemaNamedLanguagesHaveNoNamer(t *testing.T) {
	for _, lang := range []string{"java", "nodejs"} {
		if _, ok := docNamers[lang]; ok {
			t.Errorf("%s must keep the schema's names", lang)
		}
	}
}

func TestMapCodeSpans(t *testing.T) {
	upper := func(s string) string { return "<" + s + ">" }
	cases := map[string]string{
		"a `b` c `d`":                   "a `<b>` c `<d>`",
		"``b`` and `c`":                 "``b`` and `<c>`",
		"`a` then an unmatched ` stays": "`<a>` then an unmatched ` stays",
		"```ts\nx = `y`\n```\nthen `z`": "```ts\nx = `y`\n```\nthen `<z>`",
		"~~~\n`f`\n~~~":                 "~~~\n`f`\n~~~",
		"line `one`\nline `two`":        "line `<one>`\nline `<two>`",
		"no spans here":                 "no spans here",
	}
	for in, want := range cases {
		if got := mapCodeSpans(in, upper); got != want {
			t.Errorf("mapCodeSpans(%q) = %q, want %q", in, got, want)
		}
	}
}
