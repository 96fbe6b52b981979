// Validates exported XML with xmllint against the standards in this folder (copied from
// ../shared/standards; the XSDs import xml.xsd from beside them, so they work offline).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const HERE = path.resolve("tests", "standards");
export const TMX_DTD = path.join(HERE, "tmx14.dtd");
export const XLIFF12_XSD = path.join(HERE, "xliff-core-1.2-strict.xsd");
export const XLIFF20_XSD = path.join(HERE, "xliff_core_2.0.xsd");
const XMLLINT = existsSync("/usr/bin/xmllint") ? "/usr/bin/xmllint" : "xmllint";

/** xmllint's verdict on `xml`; throws (never skips) when xmllint is not installed. */
export function xmllint(xml: string, how: { dtd: string } | { schema: string }): { valid: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "parallel-xmllint-"));
  try {
    const file = path.join(dir, "file.xml");
    writeFileSync(file, xml);
    const args = "dtd" in how ? ["--noout", "--dtdvalid", how.dtd, file] : ["--noout", "--schema", how.schema, file];
    const run = spawnSync(XMLLINT, args, { encoding: "utf8" });
    if (run.error) {
      throw new Error(
        `xmllint could not be run (${run.error.message}): install it (Debian: apt-get install libxml2-utils) — ` +
          "exports are validated against the standards, not skipped",
      );
    }
    return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
