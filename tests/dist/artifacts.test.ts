/**
 * `make test-dist`: what is inside the SDK packages of dist/ (`make dist`): file lists, metadata,
 * the release version stamped everywhere, the LICENSE in every package (the npm package and the
 * plugin: npmPackage.test.ts, plugin.test.ts). The packages are also installed and run
 * (languages.test.ts); these are the facts a registry shows and a run does not reach.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO } from "../engine/support/engine";
import { DIST, GO_MODULE, MAVEN_REPOSITORY, VERSION, WHEEL, run } from "./support/release";

const schema = JSON.parse(fs.readFileSync(path.join(REPO, "schema.json"), "utf8")) as Record<string, string>;
const LICENSE = fs.readFileSync(path.join(REPO, "LICENSE"), "utf8");

/** The entries of a zip (wheel, jar, Go module zip), and one entry's text. */
const zipEntries = (file: string): string[] =>
  run("python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", file])
    .split("\n")
    .filter(Boolean)
    .sort();
const zipText = (file: string, entry: string): string =>
  run("python3", ["-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", file, entry]);
const tarEntries = (file: string): string[] =>
  run("tar", ["tzf", file])
    .split("\n")
    .filter((e) => e && !e.endsWith("/"))
    .sort();
const tarText = (file: string, entry: string): string => run("tar", ["xzOf", file, entry]);

/** Every file under DIR, relative, sorted. */
const filesUnder = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

/** Lines "Key: value" of a wheel's METADATA, as key -> values. */
function metadata(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const line of text.split("\n\n")[0].split("\n")) {
    const match = /^([\w-]+): (.*)$/.exec(line);
    if (match) fields.set(match[1], [...(fields.get(match[1]) ?? []), match[2]]);
  }
  return fields;
}

describe("dist: the Python wheel and sdist", function () {
  const sdist = path.join(DIST, `pulumi_sfn_workflows-${VERSION}.tar.gz`);
  const distInfo = `pulumi_sfn_workflows-${VERSION}.dist-info`;
  const modules = filesUnder(path.join(REPO, "sdk", "python", "pulumi_sfn_workflows")).filter((f) => f !== "README.md");

  it("the wheel holds the generated package, the LICENSE and the metadata, nothing else", function () {
    assert.deepEqual(
      zipEntries(WHEEL),
      [
        ...modules.map((f) => `pulumi_sfn_workflows/${f}`),
        `${distInfo}/METADATA`,
        `${distInfo}/RECORD`,
        `${distInfo}/WHEEL`,
        `${distInfo}/licenses/LICENSE`,
        `${distInfo}/top_level.txt`,
      ].sort(),
    );
    assert.equal(zipText(WHEEL, `${distInfo}/licenses/LICENSE`), LICENSE);
  });

  it("METADATA names the version, description, license, URLs and Python versions from schema.json", function () {
    const fields = metadata(zipText(WHEEL, `${distInfo}/METADATA`));
    assert.deepEqual(fields.get("Name"), ["pulumi_sfn_workflows"]);
    assert.deepEqual(fields.get("Version"), [VERSION]);
    assert.deepEqual(fields.get("Summary"), [schema.description]);
    assert.deepEqual(fields.get("License"), ["Apache-2.0"]);
    assert.deepEqual(fields.get("License-File"), ["LICENSE"]);
    assert.deepEqual(fields.get("Requires-Python"), [">=3.9"]);
    assert.deepEqual(fields.get("Project-URL"), [`Homepage, ${schema.homepage}`, `Repository, ${schema.repository}`]);
    assert.ok(fields.get("Requires-Dist")?.includes("pulumi<4.0.0,>=3.142.0"), String(fields.get("Requires-Dist")));
    assert.deepEqual(fields.get("Description-Content-Type"), ["text/markdown"]);
  });

  it("pulumi-plugin.json in the wheel names the plugin at the release version", function () {
    const plugin = JSON.parse(zipText(WHEEL, "pulumi_sfn_workflows/pulumi-plugin.json")) as Record<string, unknown>;
    assert.equal(plugin.name, "sfn-workflows");
    assert.equal(plugin.version, VERSION);
    assert.equal(plugin.resource, true);
    assert.equal(plugin.server, schema.pluginDownloadURL);
  });

  it("the sdist builds the same package: sources, pyproject.toml, README and LICENSE", function () {
    const root = `pulumi_sfn_workflows-${VERSION}`;
    const entries = tarEntries(sdist);
    for (const file of ["LICENSE", "README.md", "PKG-INFO", "pyproject.toml", ...modules.map((f) => `pulumi_sfn_workflows/${f}`)]) {
      assert.ok(entries.includes(`${root}/${file}`), `${root}/${file} missing from the sdist`);
    }
    assert.equal(tarText(sdist, `${root}/LICENSE`), LICENSE);
    assert.deepEqual(metadata(tarText(sdist, `${root}/PKG-INFO`)).get("Version"), [VERSION]);
  });
});

describe("dist: the Java SDK in a Maven repository", function () {
  const dir = path.join(MAVEN_REPOSITORY, "io", "github", "sfnworkflows", "sfn-workflows");
  const file = (suffix: string) => path.join(dir, VERSION, `sfn-workflows-${VERSION}${suffix}`);
  const sources = filesUnder(path.join(REPO, "sdk", "java", "src", "main", "java"));
  const xml = (text: string, tag: string): string[] => [...text.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);

  it("holds the jar, pom, sources and javadoc jars of the release version, with checksums", function () {
    assert.deepEqual(filesUnder(MAVEN_REPOSITORY).filter((f) => !/\.(md5|sha1)$/.test(f)), [
      `io/github/sfnworkflows/sfn-workflows/${VERSION}/sfn-workflows-${VERSION}-javadoc.jar`,
      `io/github/sfnworkflows/sfn-workflows/${VERSION}/sfn-workflows-${VERSION}-sources.jar`,
      `io/github/sfnworkflows/sfn-workflows/${VERSION}/sfn-workflows-${VERSION}.jar`,
      `io/github/sfnworkflows/sfn-workflows/${VERSION}/sfn-workflows-${VERSION}.pom`,
      "io/github/sfnworkflows/sfn-workflows/maven-metadata.xml",
    ]);
    for (const suffix of [".jar", ".pom", "-sources.jar", "-javadoc.jar"]) {
      const sha1 = run("sha1sum", [file(suffix)]).split(" ")[0];
      assert.equal(fs.readFileSync(`${file(suffix)}.sha1`, "utf8").trim(), sha1, suffix);
    }
    assert.deepEqual(xml(fs.readFileSync(path.join(dir, "maven-metadata.xml"), "utf8"), "version"), [VERSION]);
  });

  it("the pom has the coordinates, dependencies and the fields Maven Central requires", function () {
    const pom = fs.readFileSync(file(".pom"), "utf8");
    assert.deepEqual(xml(pom, "groupId").slice(0, 1), ["io.github.sfnworkflows"]);
    assert.deepEqual(xml(pom, "artifactId").slice(0, 1), ["sfn-workflows"]);
    assert.deepEqual(xml(pom, "version").slice(0, 1), [VERSION]);
    assert.deepEqual(xml(pom, "packaging"), ["jar"]);
    assert.deepEqual(xml(pom, "description"), [schema.description]);
    assert.deepEqual(xml(pom, "url").slice(0, 3), [schema.homepage, "https://www.apache.org/licenses/LICENSE-2.0.txt", schema.homepage]);
    assert.deepEqual(xml(pom, "name").slice(0, 3), [schema.displayName, "Apache-2.0", schema.publisher]);
    assert.deepEqual(xml(pom, "connection"), [`scm:git:${schema.repository}.git`]);
    const dependencies = [...pom.matchAll(/<dependency>\s*<groupId>([^<]+)<\/groupId>\s*<artifactId>([^<]+)<\/artifactId>\s*<version>([^<]+)</g)];
    assert.deepEqual(
      dependencies.map((m) => `${m[1]}:${m[2]}:${m[3]}`),
      ["com.google.code.findbugs:jsr305:3.0.2", "com.google.code.gson:gson:2.8.9", "com.pulumi:pulumi:1.20.0"],
    );
  });

  it("the jar holds the compiled SDK, the plugin's name, version and server, and the LICENSE", function () {
    const entries = zipEntries(file(".jar"));
    for (const source of sources) assert.ok(entries.includes(source.replace(/\.java$/, ".class")), source);
    assert.equal(zipText(file(".jar"), "META-INF/LICENSE"), LICENSE);
    assert.equal(zipText(file(".jar"), "io/github/sfnworkflows/sfn-workflows/version.txt"), VERSION);
    assert.deepEqual(JSON.parse(zipText(file(".jar"), "io/github/sfnworkflows/sfn-workflows/plugin.json")), {
      resource: true,
      name: "sfn-workflows",
      version: VERSION,
      ...(schema.pluginDownloadURL ? { server: schema.pluginDownloadURL } : {}),
    });
  });

  it("the sources jar holds every generated source, the javadoc jar the documentation of each class", function () {
    const sourceEntries = zipEntries(file("-sources.jar"));
    for (const source of sources) assert.ok(sourceEntries.includes(source), source);
    const docs = zipEntries(file("-javadoc.jar"));
    assert.ok(docs.includes("index.html"));
    assert.ok(docs.includes("io/github/sfnworkflows/workflows/Workflow.html"), docs.join("\n"));
  });
});

describe("dist: the Go SDK in a module proxy layout", function () {
  const dir = path.join(DIST, "goproxy", GO_MODULE, "@v");
  const version = `v${VERSION}`;

  it("lists the release version, with its info, go.mod and zip", function () {
    assert.deepEqual(fs.readdirSync(dir).sort(), ["list", `${version}.info`, `${version}.mod`, `${version}.zip`]);
    assert.equal(fs.readFileSync(path.join(dir, "list"), "utf8"), `${version}\n`);
    const info = JSON.parse(fs.readFileSync(path.join(dir, `${version}.info`), "utf8")) as { Version: string; Time: string };
    assert.equal(info.Version, version);
    assert.ok(!Number.isNaN(Date.parse(info.Time)), info.Time);
  });

  it("the .mod is sdk/go/go.mod, for the module path the SDK's imports use", function () {
    const mod = fs.readFileSync(path.join(dir, `${version}.mod`), "utf8");
    assert.equal(mod, fs.readFileSync(path.join(REPO, "sdk", "go", "go.mod"), "utf8"));
    assert.equal(/^module (\S+)$/m.exec(mod)?.[1], GO_MODULE);
  });

  it("the zip holds sdk/go and the LICENSE under module@version/", function () {
    const expected = [...filesUnder(path.join(REPO, "sdk", "go")), "LICENSE"].map((f) => `${GO_MODULE}@${version}/${f}`).sort();
    assert.deepEqual(zipEntries(path.join(dir, `${version}.zip`)), expected);
    assert.equal(zipText(path.join(dir, `${version}.zip`), `${GO_MODULE}@${version}/LICENSE`), LICENSE);
  });
});

describe("dist: the .NET project", function () {
  const dir = path.join(DIST, "dotnet", "SfnWorkflows.StepFunctions");

  it("is the generated project with the LICENSE, and the package metadata of the release", function () {
    assert.deepEqual(filesUnder(dir), [...filesUnder(path.join(REPO, "sdk", "dotnet")), "LICENSE"].sort());
    assert.equal(fs.readFileSync(path.join(dir, "LICENSE"), "utf8"), LICENSE);
    const csproj = fs.readFileSync(path.join(dir, "SfnWorkflows.StepFunctions.csproj"), "utf8");
    for (const [tag, value] of [
      ["Version", VERSION],
      ["Description", schema.description],
      ["Authors", schema.publisher],
      ["PackageLicenseExpression", "Apache-2.0"],
      ["PackageProjectUrl", schema.homepage],
      ["RepositoryUrl", schema.repository],
      ["PackageReadmeFile", "README.md"],
    ]) {
      assert.ok(csproj.includes(`<${tag}>${value}</${tag}>`), `<${tag}>${value}</${tag}> missing`);
    }
    assert.match(csproj, /<None Include="LICENSE" Pack="True" PackagePath="" \/>/);
  });
});
