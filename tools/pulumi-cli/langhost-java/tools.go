//go:build tools

// Pins the Java language host's module; tools/pulumi-cli/build.sh builds it.
package tools

import _ "github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java"
