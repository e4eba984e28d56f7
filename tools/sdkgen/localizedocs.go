package main

import (
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// localizeDocs rewrites the descriptions of spec (resources, their inputs and outputs, object
// types, enums and their values, the package) so that names of the package's own properties in
// backticks read as in one language's SDK: `definitionSubstitutions` becomes
// `definition_substitutions` in Python and `DefinitionSubstitutions` in Go and C#, and a dotted
// path such as `callbacks.NAME.maxReceiveCount` is followed through the schema's types
// (map keys such as NAME are kept). Anything else in backticks stays as written: values
// (`STANDARD`), placeholders (`${Key}`), AWS fields (`HeartbeatSeconds`), and words that only
// look like a property name but are none where the description stands (see docIndex.scopes).
func localizeDocs(spec *schema.PackageSpec, name propertyNamer) {
	idx := indexObjects(spec)
	rewrite := func(text string, scopes []*docObject) string {
		return mapCodeSpans(text, func(code string) string {
			if translated, ok := idx.translate(code, scopes, name); ok {
				return translated
			}
			return code
		})
	}

	spec.Description = rewrite(spec.Description, idx.scopes(""))
	for _, token := range sortedKeys(spec.Resources) {
		res := spec.Resources[token]
		scopes := idx.scopes(token)
		res.Description = rewrite(res.Description, scopes)
		res.DeprecationMessage = rewrite(res.DeprecationMessage, scopes)
		rewriteProperties(res.InputProperties, scopes, rewrite)
		rewriteProperties(res.Properties, scopes, rewrite)
		spec.Resources[token] = res
	}
	for _, token := range sortedKeys(spec.Types) {
		typ := spec.Types[token]
		scopes := idx.scopes(token)
		typ.Description = rewrite(typ.Description, scopes)
		rewriteProperties(typ.Properties, scopes, rewrite)
		for i := range typ.Enum {
			typ.Enum[i].Description = rewrite(typ.Enum[i].Description, scopes)
			typ.Enum[i].DeprecationMessage = rewrite(typ.Enum[i].DeprecationMessage, scopes)
		}
		spec.Types[token] = typ
	}
}

// rewriteProperties rewrites the texts of props in place (the map is the spec's own).
func rewriteProperties(props map[string]schema.PropertySpec, scopes []*docObject,
	rewrite func(string, []*docObject) string,
) {
	for name, p := range props {
		p.Description = rewrite(p.Description, scopes)
		p.DeprecationMessage = rewrite(p.DeprecationMessage, scopes)
		props[name] = p
	}
}

// docObject is a resource or an object type: a set of properties a description can name.
type docObject struct {
	token    string
	resource bool
	props    map[string]schema.PropertySpec
}

type docIndex struct {
	objects   map[string]*docObject
	resources []*docObject            // in token order
	parents   map[string][]*docObject // type token -> the objects with a property of that type
}

func indexObjects(spec *schema.PackageSpec) *docIndex {
	idx := &docIndex{objects: map[string]*docObject{}, parents: map[string][]*docObject{}}
	for _, token := range sortedKeys(spec.Resources) {
		res := spec.Resources[token]
		props := map[string]schema.PropertySpec{}
		for name, p := range res.Properties {
			props[name] = p
		}
		for name, p := range res.InputProperties {
			props[name] = p // an input's type is what a user writes in a path
		}
		obj := &docObject{token: token, resource: true, props: props}
		idx.objects[token] = obj
		idx.resources = append(idx.resources, obj)
	}
	for _, token := range sortedKeys(spec.Types) {
		if typ := spec.Types[token]; typ.Type == "object" {
			idx.objects[token] = &docObject{token: token, props: typ.Properties}
		}
	}
	for _, token := range sortedKeys(idx.objects) {
		obj := idx.objects[token]
		for _, name := range sortedKeys(obj.props) {
			for _, used := range typeRefs(obj.props[name].TypeSpec) {
				idx.parents[used] = append(idx.parents[used], obj)
			}
		}
	}
	return idx
}

// scopes lists where the names in a description of the resource or type token are looked up,
// nearest first: its own properties (an enum has none); the objects that contain it, up to the
// resources (an alarm override's text may say
// "the workflow's `alarms.period`"); then every resource's inputs and outputs, the package's
// public names. A word found in none of them (a map key such as `executionsFailed` in a
// description of `alarmArns`, even though some nested type has a property of that name) stays.
func (idx *docIndex) scopes(token string) []*docObject {
	var scopes []*docObject
	seen := map[string]bool{token: true}
	if own := idx.objects[token]; own != nil {
		scopes = append(scopes, own)
	}
	for queue := []string{token}; len(queue) > 0; queue = queue[1:] {
		for _, parent := range idx.parents[queue[0]] {
			if !seen[parent.token] {
				seen[parent.token] = true
				scopes = append(scopes, parent)
				queue = append(queue, parent.token)
			}
		}
	}
	for _, res := range idx.resources {
		if !seen[res.token] {
			scopes = append(scopes, res)
		}
	}
	return scopes
}

// propertyPath is the text of a code span that can name a property: identifiers joined by dots.
var propertyPath = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$-]*(\.[A-Za-z_$][A-Za-z0-9_$-]*)*$`)

// translate renames code when it is a property path that resolves in the first scope that has
// its first segment and whose rest follows the schema's types.
func (idx *docIndex) translate(code string, scopes []*docObject, name propertyNamer) (string, bool) {
	if !propertyPath.MatchString(code) {
		return "", false
	}
	segments := strings.Split(code, ".")
	for _, scope := range scopes {
		if _, ok := scope.props[segments[0]]; !ok {
			continue
		}
		if renamed, ok := idx.follow(segments, scope, name); ok {
			return strings.Join(renamed, "."), true
		}
	}
	return "", false
}

// follow renames segments[0] as a property of obj and the rest along that property's type.
func (idx *docIndex) follow(segments []string, obj *docObject, name propertyNamer) ([]string, bool) {
	prop, ok := obj.props[segments[0]]
	if !ok {
		return nil, false
	}
	owned := ownedProperty{name: segments[0], spec: prop}
	if obj.resource {
		owned.resource = obj.token
	}
	rest, ok := idx.followType(segments[1:], prop.TypeSpec, name)
	if !ok {
		return nil, false
	}
	return append([]string{name(owned)}, rest...), true
}

// followType walks segments through a value of type t: arrays are transparent, a map consumes one
// segment as its key (kept as written), an object type names its property.
func (idx *docIndex) followType(segments []string, t schema.TypeSpec, name propertyNamer) ([]string, bool) {
	if len(segments) == 0 {
		return nil, true
	}
	switch {
	case t.Items != nil:
		return idx.followType(segments, *t.Items, name)
	case t.AdditionalProperties != nil:
		rest, ok := idx.followType(segments[1:], *t.AdditionalProperties, name)
		return append([]string{segments[0]}, rest...), ok
	case len(t.OneOf) > 0:
		for _, alternative := range t.OneOf {
			if renamed, ok := idx.followType(segments, alternative, name); ok {
				return renamed, true
			}
		}
	case t.Ref != "":
		if obj := idx.objects[localTypeToken(t.Ref)]; obj != nil {
			return idx.follow(segments, obj, name)
		}
	}
	return nil, false
}

// typeRefs lists the tokens of the package's own types that t refers to, through arrays, maps
// and unions.
func typeRefs(t schema.TypeSpec) []string {
	var refs []string
	if token := localTypeToken(t.Ref); token != "" {
		refs = append(refs, token)
	}
	if t.Items != nil {
		refs = append(refs, typeRefs(*t.Items)...)
	}
	if t.AdditionalProperties != nil {
		refs = append(refs, typeRefs(*t.AdditionalProperties)...)
	}
	for _, alternative := range t.OneOf {
		refs = append(refs, typeRefs(alternative)...)
	}
	return refs
}

// localTypeToken is the token of a "#/types/..." reference (escaped as in a URL), else "".
func localTypeToken(ref string) string {
	escaped, ok := strings.CutPrefix(ref, "#/types/")
	if !ok {
		return ""
	}
	token, err := url.PathUnescape(escaped)
	if err != nil {
		return escaped
	}
	return token
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
