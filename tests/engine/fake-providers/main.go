// Command fake-provider is a TEST DOUBLE for the AWS providers, nothing more.
//
// It is built twice by `make test-engine` (tools/engine.mk): as pulumi-resource-aws and as
// pulumi-resource-aws-native, with the package name and version set at link time, and installed
// into a throw-away PULUMI_HOME so that the real Pulumi engine starts it wherever a program uses
// @pulumi/aws (or aws-native). It never talks to AWS: it accepts every resource type, invents
// stable ids and ARN-/URL-shaped outputs, answers the three account/region/partition invokes,
// reports replacements only for properties that force one in real AWS, and appends every
// create/update/delete it performs to the JSON-lines file named by $SFN_FAKE_PROVIDER_RECORD.
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Set with -ldflags "-X main.packageName=aws -X main.version=7.48.0".
var (
	packageName = "aws"
	version     = "0.0.0"
)

func main() {
	err := provider.Main(packageName, func(host *provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return newFakeProvider(packageName, version, os.Getenv(recordEnv)), nil
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "fake %s provider: %v\n", packageName, err)
		os.Exit(1)
	}
}
