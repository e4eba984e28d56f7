package main

import (
	"encoding/json"
	"strings"

	dotnetgen "github.com/pulumi/pulumi-dotnet/pulumi-language-dotnet/v3/codegen"
	"github.com/pulumi/pulumi/pkg/v3/codegen/cgstrings"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// ownedProperty is a schema property with what its generated name may depend on.
type ownedProperty struct {
	name string
	spec schema.PropertySpec
	// resource is the resource's token when the property is a resource's own input or output
	// (Go renames a few fields of resource structs), empty for a property of an object type.
	resource string
}

// propertyNamer gives a property's name in one language's SDK.
type propertyNamer func(ownedProperty) string

// docNamers are the languages whose SDKs rename properties, each with the rule its code generator
// applies. Java (pulumi-java) and TypeScript use the schema's camelCase names, so their docs keep
// the schema's text.
var docNamers = map[string]propertyNamer{
	"python": pythonName,
	"go":     goFieldName,
	"dotnet": csharpName,
}

// pythonName is the attribute, argument and dict key name of codegen/python (snake_case, acronyms
// kept whole: kmsKeyArn -> kms_key_arn). Its PropertyInfo has no per-property name override.
func pythonName(p ownedProperty) string { return pygen.PyName(p.name) }

// goFieldName is codegen/go's pkgContext.fieldName: Title-cased, with "_" appended where the
// name would collide with a method every Pulumi Go type has.
func goFieldName(p ownedProperty) string {
	name := gogen.Title(p.name)
	switch name {
	case "ID", "URN", "GetProvider", "ElementType":
		return name + "_"
	}
	if p.resource != "" {
		toOutput := "To" + gogen.Title(tokenName(p.resource)) + "Output"
		if name == toOutput || name == toOutput+"WithContext" {
			return name + "_"
		}
	}
	return name
}

// csharpName is the .NET generator's computePropertyNames: `language.csharp.name` when the schema
// sets it, else the name with its first letter upper-cased and hyphens removed.
func csharpName(p ownedProperty) string {
	if raw, ok := p.spec.Language["csharp"]; ok {
		var info dotnetgen.CSharpPropertyInfo
		if json.Unmarshal(raw, &info) == nil && info.Name != "" {
			return info.Name
		}
	}
	return cgstrings.UppercaseFirst(cgstrings.Unhyphenate(p.name))
}

// tokenName is the member part of a token such as "pkg:index:Workflow".
func tokenName(token string) string {
	return token[strings.LastIndex(token, ":")+1:]
}
