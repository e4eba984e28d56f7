#!/usr/bin/env bash
# dist-dotnet: the .NET SDK's project, ready for `dotnet pack` (NuGet package SfnWorkflows.StepFunctions):
# a copy of sdk/dotnet whose generated .csproj carries the package metadata from schema.json
# (version, description, authors, Apache-2.0, project and repository URLs), with the LICENSE and
# README packed into the package as well. It is NOT built here: this machine and CI have no .NET
# SDK. docs/releasing.md says where it is packed and published.
#
#   DIST_DIR=... DIST_VERSION=... tools/dist/dotnet.sh   (run by `make dist-dotnet`)
set -euo pipefail
source "$(dirname "$0")/lib/sdk-package.sh"

csproj=$(cd sdk/dotnet && ls -- *.csproj)
require_sdk_version "sdk/dotnet/$csproj" "<Version>$DIST_VERSION</Version>"
out="$DIST_DIR/dotnet/${csproj%.csproj}"
rm -rf "$DIST_DIR/dotnet"
mkdir -p "$out"
cp -R sdk/dotnet/. "$out/"
cp LICENSE "$out/LICENSE"
# The generated project packs logo.png only; NuGet shows the README, and the LICENSE travels along.
python3 - "$out/$csproj" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
extra = """  <PropertyGroup>
    <PackageReadmeFile>README.md</PackageReadmeFile>
  </PropertyGroup>

  <ItemGroup>
    <None Include="README.md" Pack="True" PackagePath="" />
    <None Include="LICENSE" Pack="True" PackagePath="" />
  </ItemGroup>

</Project>"""
assert text.rstrip().endswith("</Project>"), f"{path} does not end with </Project>"
open(path, "w").write(text.rstrip()[: -len("</Project>")] + extra + "\n")
PY
find "$DIST_DIR/dotnet" -maxdepth 2 -type f | sort
