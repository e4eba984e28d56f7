/**
 * Third-party notices for a bundle: every npm package esbuild put into it (from its metafile), with
 * version, license and the package's own license text. A bundle drops the packages' LICENSE files,
 * which their licenses ask redistributions to keep.
 *
 *   node tools/dist/lib/notices.js METAFILE > THIRD-PARTY-NOTICES
 */
const fs = require("node:fs");
const path = require("node:path");

const metafile = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

/** The package directory of a bundled file: up to the last node_modules/<name> (or @scope/name). */
function packageDir(file) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match ? match[1] : undefined;
}

const dirs = new Set(Object.keys(metafile.inputs).map(packageDir).filter(Boolean));
const packages = [...dirs]
  .map((dir) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const licenseFile = fs.readdirSync(dir).find((name) => /^(licen[cs]e|copying)([.-]|$)/i.test(name));
    return {
      id: `${manifest.name}@${manifest.version}`,
      license: typeof manifest.license === "string" ? manifest.license : (manifest.license?.type ?? "see the package"),
      text: licenseFile ? fs.readFileSync(path.join(dir, licenseFile), "utf8").trim() : undefined,
    };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

const unique = [...new Map(packages.map((p) => [p.id, p])).values()];
const out = [
  "Third-party software in this plugin: the npm packages bundled into lib/bin/plugin/main.js.",
  "The Node.js runtime's license is node/LICENSE.",
  "",
];
for (const p of unique) {
  out.push("=".repeat(78), `${p.id} (${p.license})`, "");
  out.push(p.text ?? `${p.id} ships no license file; its package.json declares ${p.license}.`, "");
}
process.stdout.write(out.join("\n"));
