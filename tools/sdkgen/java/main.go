// Command sdkgen-java writes the Java SDK of the sfn-workflows package from schema.json with
// pulumi-java's code generator, exactly as the Java language host does for
// `pulumi package gen-sdk --language java`. It is a module of its own because pulumi-java pins an
// older github.com/pulumi/pulumi/pkg/v3 than the .NET generator needs (see ../README.md).
//
//	sdkgen-java -schema schema.json -out sdk/java
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	javagen "github.com/pulumi/pulumi-java/pkg/codegen/java"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool is the name the generator prints in the "do not edit" banner of every file.
const tool = "sfn-workflows-sdkgen"

func formatDiags(diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "  %s\n", d.Error())
	}
	return b.String()
}

func generate(schemaPath string) (map[string][]byte, error) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	// The Java host deduplicates types whose names differ only in case before binding.
	deduped, diags, err := javagen.DeduplicateTypes(&spec)
	if err != nil {
		return nil, err
	}
	if len(diags) > 0 {
		return nil, fmt.Errorf("java type deduplication:\n%s", formatDiags(diags))
	}
	// schema.json references no other package, so no loader is needed; any diagnostic is fatal.
	pkg, diags, err := schema.BindSpec(*deduped, nil, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if len(diags) > 0 {
		return nil, fmt.Errorf("schema diagnostics:\n%s", formatDiags(diags))
	}
	// A standalone (not local) SDK, with the current (non-legacy) build-file behaviour.
	return javagen.GeneratePackage(tool, pkg, nil, nil, false, false)
}

func main() {
	schemaPath := flag.String("schema", "schema.json", "the package schema")
	out := flag.String("out", "sdk/java", "output directory (removed and written anew)")
	flag.Parse()

	files, err := generate(*schemaPath)
	if err == nil {
		err = os.RemoveAll(*out)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen-java: %v\n", err)
		os.Exit(1)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(*out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintf(os.Stderr, "sdkgen-java: %v\n", err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "sdkgen-java: %v\n", err)
			os.Exit(1)
		}
	}
	fmt.Printf("sdkgen: java: %d files in %s\n", len(files), *out)
}
