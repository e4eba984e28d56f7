// Command sdkgen writes the Python, Go and .NET SDKs of the sfn-workflows package from
// schema.json, with Pulumi's own code generators (the same functions the language hosts run for
// `pulumi package gen-sdk`). Nothing in the generated trees is written by hand. Java is generated
// by the sibling module ./java, which pins the pulumi/pkg version pulumi-java was built against.
//
//	sdkgen -schema schema.json -out sdk [-lang python,go,dotnet]
//
// Each language directory under -out is removed and written anew, so files the generator no
// longer produces disappear. Before each language's generator runs, the schema's descriptions
// are rewritten to name properties as that language does (localizedocs.go).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/blang/semver"
	"github.com/hashicorp/hcl/v2"

	dotnetgen "github.com/pulumi/pulumi-dotnet/pulumi-language-dotnet/v3/codegen"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool is the name the generators print in the "do not edit" banner of every file.
const tool = "sfn-workflows-sdkgen"

// noLoader refuses every lookup: schema.json references no other package, so a generator that
// asks for one means the schema grew a dependency this tool does not support.
type noLoader struct{}

var errNoDeps = errors.New("schema.json must not reference other packages (sdkgen has no plugin loader)")

func (noLoader) LoadPackage(string, *semver.Version) (*schema.Package, error) { return nil, errNoDeps }
func (noLoader) LoadPackageV2(context.Context, *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errNoDeps
}
func (noLoader) LoadPackageReference(string, *semver.Version) (schema.PackageReference, error) {
	return nil, errNoDeps
}
func (noLoader) LoadPackageReferenceV2(context.Context, *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, errNoDeps
}

// offlineLogo answers the one HTTP request a generator makes: the .NET generator downloads the
// package logo (the schema's logoUrl, else Pulumi's default logo on GitHub) for the NuGet package.
// This machine and CI have no network beyond package registries, so the logo is drawn here, the
// same bytes every run, and any other request fails loudly.
type offlineLogo struct{}

func (offlineLogo) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodGet || !strings.HasSuffix(req.URL.Path, ".png") {
		return nil, fmt.Errorf("sdkgen is offline; refused %s %s", req.Method, req.URL)
	}
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			c := color.RGBA{R: 0x8a, G: 0x3f, B: 0xfc, A: 0xff} // background
			if (x/16+y/16)%2 == 0 && x > 8 && x < 56 && y > 8 && y < 56 {
				c = color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff} // a checkered "state" grid
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Status:     "200 OK",
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     http.Header{"Content-Type": []string{"image/png"}},
		Body:       io.NopCloser(&buf),
		Request:    req,
	}, nil
}

func readSpec(path string) (schema.PackageSpec, error) {
	var spec schema.PackageSpec
	data, err := os.ReadFile(path)
	if err != nil {
		return spec, err
	}
	if err := json.Unmarshal(data, &spec); err != nil {
		return spec, fmt.Errorf("%s: %w", path, err)
	}
	return spec, nil
}

// bind validates the spec the way `pulumi package gen-sdk` does; any diagnostic is fatal here
// (warnings included), so the schema stays clean.
func bind(spec schema.PackageSpec) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, noLoader{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if len(diags) > 0 {
		return nil, fmt.Errorf("schema diagnostics:\n%s", formatDiags(diags))
	}
	return pkg, nil
}

func formatDiags(diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "  %s\n", d.Error())
	}
	return b.String()
}

func generate(lang, schemaPath string) (map[string][]byte, error) {
	spec, err := readSpec(schemaPath)
	if err != nil {
		return nil, err
	}
	// The docs name properties as this language's SDK does (docs/languages.md, "Names in the docs").
	if name, ok := docNamers[lang]; ok {
		localizeDocs(&spec, name)
	}
	switch lang {
	case "python":
		pkg, err := bind(spec)
		if err != nil {
			return nil, err
		}
		return pygen.GeneratePackage(tool, pkg, nil, noLoader{})
	case "go":
		pkg, err := bind(spec)
		if err != nil {
			return nil, err
		}
		return gogen.GeneratePackage(tool, pkg, nil)
	case "dotnet":
		pkg, err := bind(spec)
		if err != nil {
			return nil, err
		}
		return dotnetgen.GeneratePackage(tool, pkg, nil, nil)
	}
	return nil, fmt.Errorf("unknown language %q", lang)
}

func write(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	schemaPath := flag.String("schema", "schema.json", "the package schema")
	out := flag.String("out", "sdk", "output directory; each language is written to OUT/LANG")
	langs := flag.String("lang", "python,go,dotnet", "comma-separated languages")
	flag.Parse()
	http.DefaultTransport = offlineLogo{}
	http.DefaultClient = &http.Client{Transport: offlineLogo{}}

	failed := false
	for _, lang := range strings.Split(*langs, ",") {
		lang = strings.TrimSpace(lang)
		files, err := generate(lang, *schemaPath)
		if err == nil {
			err = write(filepath.Join(*out, lang), files)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "sdkgen: %s: %v\n", lang, err)
			failed = true
			continue
		}
		fmt.Printf("sdkgen: %s: %d files in %s\n", lang, len(files), filepath.Join(*out, lang))
	}
	if failed {
		os.Exit(1)
	}
}
