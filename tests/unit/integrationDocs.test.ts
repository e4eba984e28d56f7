/** docs/integrations.md is generated from the integration table: the committed page must match it. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { describeImplied, generatedPage, OUT } from "../../tools/integration-docs/generate";

describe("docs/integrations.md", () => {
  it("is what the integration table gives (regenerate with make docs)", async () => {
    assert.ok(fs.readFileSync(OUT, "utf8") === (await generatedPage()), "docs/integrations.md is out of date: run make docs");
  });

  it("says what a passed role and tags give", () => {
    assert.equal(
      describeImplied({ kind: "pass-role", paths: ["RoleArn"], to: "glue.amazonaws.com" }),
      "`RoleArn` (a role ARN or name): `iam:PassRole` on that role with `iam:PassedToService = glue.amazonaws.com`; computed at run time: on the account's roles.",
    );
    assert.match(
      describeImplied({
        kind: "tags",
        paths: ["Tags"],
        actions: ["batch:TagResource"],
        resources: ["arn:{partition}:batch:{region}:{account}:job/*"],
      }),
      /`batch:TagResource` on `arn:aws:batch:REGION:ACCOUNT:job\/\*`/,
    );
  });
});
