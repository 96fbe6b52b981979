// Generates the Prisma client for every provider folder (prisma/<provider>/schema.prisma).
// The schema-engine binary is not needed for this; prisma.config.ts points Prisma at a stub.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const prismaBin = path.join("node_modules", "prisma", "build", "index.js");
for (const provider of ["sqlite", "postgres"]) {
  const schema = path.join("prisma", provider);
  if (!existsSync(path.join(schema, "schema.prisma"))) continue;
  execFileSync(process.execPath, [prismaBin, "generate", "--schema", schema], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
