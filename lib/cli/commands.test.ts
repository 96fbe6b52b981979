import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpDatabase } from "../../tests/fixtures/import-world";
import { type TestDatabase, testDatabase } from "../../tests/temp-db";
import { hashToken, userForToken } from "../auth/tokens";
import { findUserByEmail } from "../auth/users";
import { type Db, openDb } from "../db/client";
import { AppError } from "../errors";
import { DEMO_DOCUMENT_TITLE, DEMO_PROJECT_NAME } from "../seed/demo";
import { prepareDatabase } from "../startup/prepare-database";
import { type CliIo, memberAdd, tokenCreate, userAdd, userConfirm, userList, userResetPassword } from "./commands";
import { exportFile } from "./export-command";
import { importFile } from "./import-command";
import { describeError } from "./run";

const PASSWORD = "correct horse battery";

function fakeIo(password = PASSWORD) {
  const lines: string[] = [];
  let asked = 0;
  const io: CliIo = {
    out: (line) => lines.push(line),
    readPassword: async () => {
      asked++;
      return password;
    },
  };
  return { io, lines, asked: () => asked };
}

/** The refusal's one line, as the terminal would show it. */
async function refusal(promise: Promise<unknown>): Promise<{ error: AppError; message: string }> {
  const error = await promise.then(
    () => expect.unreachable("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const message = describeError(error);
  expect(message).toBeTruthy();
  expect(message).not.toContain("\n");
  return { error: error as AppError, message: message as string };
}

let tmp: TestDatabase;
let db: Db;

async function counts() {
  const [users, accounts, memberships, tokens, audit] = await Promise.all([
    db.user.count(),
    db.account.count(),
    db.membership.count(),
    db.apiToken.count(),
    db.auditEvent.count(),
  ]);
  return { users, accounts, memberships, tokens, audit };
}

async function demoProject() {
  return db.project.findFirstOrThrow({ where: { name: DEMO_PROJECT_NAME } });
}

beforeAll(async () => {
  tmp = await testDatabase();
  await prepareDatabase(tmp.url);
  db = openDb(tmp.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await tmp?.cleanup();
});

describe("user add", () => {
  it("creates the first administrator, whose password verifies, and gives them the orphan demo", async () => {
    const { io, lines } = fakeIo();
    await userAdd(db, { email: "Admin@Example.org", name: "Ada Admin", role: "admin" }, io);
    const user = await findUserByEmail(db, "admin@example.org");
    expect(user).toMatchObject({ email: "admin@example.org", name: "Ada Admin", isAdmin: true });
    expect(lines[0]).toContain(user?.id);
    expect(lines[0]).toContain("admin@example.org");
    const account = await db.account.findFirstOrThrow({ where: { userId: user?.id, providerId: "credential" } });
    expect(account.password).not.toBe(PASSWORD);
    expect(await verifyPassword({ hash: account.password as string, password: PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash: account.password as string, password: "wrong password" })).toBe(false);
    const demo = await demoProject();
    expect(await db.membership.findFirst({ where: { projectId: demo.id, userId: user?.id } })).toMatchObject({
      role: "owner",
    });
  });

  it("creates a plain user with --role user", async () => {
    const { io } = fakeIo();
    await userAdd(db, { email: "tess@example.org", name: "Tess Translator", role: "user" }, io);
    expect(await findUserByEmail(db, "tess@example.org")).toMatchObject({ isAdmin: false });
  });

  it("refuses an email that is taken, before asking for a password", async () => {
    const before = await counts();
    const { io, asked } = fakeIo();
    const { error, message } = await refusal(
      userAdd(db, { email: "TESS@example.org", name: "Other", role: "user" }, io),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.details).toMatchObject({ field: "email", reason: "taken" });
    expect(message).toBe("An account with email tess@example.org already exists.");
    expect(asked()).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("refuses a short password and writes nothing", async () => {
    const before = await counts();
    const { io } = fakeIo("short");
    const { error, message } = await refusal(userAdd(db, { email: "sam@example.org", name: "Sam", role: "user" }, io));
    expect(error.code).toBe("password_too_short");
    expect(message).toBe("The password must be at least 10 characters long.");
    expect(await counts()).toEqual(before);
    expect(await findUserByEmail(db, "sam@example.org")).toBeNull();
  });

  it("refuses a bad email, an empty name and an unknown role", async () => {
    const before = await counts();
    const { io } = fakeIo();
    const cases = [
      [{ email: "not-an-email", name: "X", role: "user" }, "email"],
      [{ email: "x@example.org", name: "  ", role: "user" }, "name"],
      [{ email: "x@example.org", name: "X", role: "root" }, "role"],
    ] as const;
    for (const [args, field] of cases) {
      const { error } = await refusal(userAdd(db, args, io));
      expect(error.details?.field).toBe(field);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("user list", () => {
  it("shows every account with its admin flag and project count", async () => {
    const { io, lines } = fakeIo();
    await userList(db, {}, io);
    expect(lines[0]).toMatch(/^EMAIL\s+NAME\s+ADMIN\s+CONFIRMED\s+CREATED\s+PROJECTS$/);
    const admin = lines.find((l) => l.startsWith("admin@example.org"));
    const tess = lines.find((l) => l.startsWith("tess@example.org"));
    expect(admin).toMatch(/Ada Admin\s+yes\s+yes\s+\d{4}-\d{2}-\d{2}\s+1$/);
    expect(tess).toMatch(/Tess Translator\s+no\s+yes\s+\d{4}-\d{2}-\d{2}\s+0$/);
  });
});

describe("member add", () => {
  it("adds an existing account by project name", async () => {
    const { io, lines } = fakeIo();
    const demo = await demoProject();
    await memberAdd(db, { project: DEMO_PROJECT_NAME, email: "tess@example.org", role: "translator" }, io);
    const tess = await findUserByEmail(db, "tess@example.org");
    expect(await db.membership.findFirst({ where: { projectId: demo.id, userId: tess?.id } })).toMatchObject({
      role: "translator",
    });
    expect(lines).toEqual([`Added tess@example.org to "${DEMO_PROJECT_NAME}" (id ${demo.id}) as translator.`]);
    expect(await db.auditEvent.count({ where: { action: "member.add", entityId: tess?.id } })).toBe(1);
  });

  it("adds an existing account by project id", async () => {
    await userAdd(db, { email: "rita@example.org", name: "Rita Reviewer", role: "user" }, fakeIo().io);
    const demo = await demoProject();
    await memberAdd(db, { project: demo.id, email: "rita@example.org", role: "reviewer" }, fakeIo().io);
    const rita = await findUserByEmail(db, "rita@example.org");
    expect(await db.membership.findFirst({ where: { projectId: demo.id, userId: rita?.id } })).toMatchObject({
      role: "reviewer",
    });
  });

  it("refuses an unknown project, an unknown email or a bad role, and writes nothing", async () => {
    await userAdd(db, { email: "vic@example.org", name: "Vic Viewer", role: "user" }, fakeIo().io);
    const before = await counts();
    const { io, lines } = fakeIo();
    const project = await refusal(
      memberAdd(db, { project: "No such project", email: "vic@example.org", role: "viewer" }, io),
    );
    expect(project.error.code).toBe("not_found");
    expect(project.message).toBe('No project with id or name "No such project".');
    const email = await refusal(
      memberAdd(db, { project: DEMO_PROJECT_NAME, email: "nobody@example.org", role: "viewer" }, io),
    );
    expect(email.error.code).toBe("not_found");
    expect(email.message).toMatch(/^No account with email nobody@example.org\. Create it first/);
    const role = await refusal(
      memberAdd(db, { project: DEMO_PROJECT_NAME, email: "vic@example.org", role: "boss" }, io),
    );
    expect(role.error).toMatchObject({ code: "invalid_input", details: { field: "role" } });
    expect(role.message).toBe('Unknown project role "boss": use owner, translator, reviewer, viewer.');
    expect(lines).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("refuses someone who is already a member", async () => {
    const before = await counts();
    const { error, message } = await refusal(
      memberAdd(db, { project: DEMO_PROJECT_NAME, email: "tess@example.org", role: "viewer" }, fakeIo().io),
    );
    expect(error.code).toBe("already_member");
    expect(message).toBe(`tess@example.org is already a member of "${DEMO_PROJECT_NAME}"; nothing was changed.`);
    expect(await counts()).toEqual(before);
  });
});

describe("token create", () => {
  it("prints a working token once and stores only its hash", async () => {
    const { io, lines } = fakeIo();
    await tokenCreate(db, { email: "tess@example.org", name: "CI import" }, io);
    const token = lines.find((l) => l.startsWith("pl_")) as string;
    expect(token).toMatch(/^pl_[\w-]{40,}$/);
    expect(lines.join("\n")).toMatch(/shown only once/);
    expect(lines.join("\n")).toMatch(/revoked from the account page/);
    expect(lines.filter((l) => l.includes(token))).toHaveLength(1);

    const user = await userForToken(db, token);
    expect(user?.email).toBe("tess@example.org");
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user?.id } });
    expect(row).toMatchObject({ name: "CI import", tokenHash: hashToken(token) });

    expect((await dumpDatabase(db)).includes(token), "a table holds the token").toBe(false);
  });

  it("refuses an unknown email", async () => {
    const before = await counts();
    const { error } = await refusal(tokenCreate(db, { email: "ghost@example.org" }, fakeIo().io));
    expect(error.code).toBe("not_found");
    expect(await counts()).toEqual(before);
  });
});

describe("user reset-password", () => {
  it("sets the new password, ends every session and revokes every token", async () => {
    const user = (await findUserByEmail(db, "tess@example.org"))!;
    const token = (await tokenCreate(db, { email: user.email, name: "before reset" }, fakeIo().io)).token;
    await db.session.create({
      data: { id: "s-reset", token: "session-to-end", userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const { io, lines } = fakeIo("a new password after reset");
    await userResetPassword(db, { email: "Tess@Example.org" }, io);
    expect(lines.join("\n")).toMatch(
      /New password set for tess@example\.org\. Ended 1 session\(s\) and revoked \d+ API token\(s\)\./,
    );
    const credential = await db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    expect(await verifyPassword({ hash: credential.password!, password: "a new password after reset" })).toBe(true);
    expect(await verifyPassword({ hash: credential.password!, password: PASSWORD })).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await userForToken(db, token)).toBeNull();
    expect(await db.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it("refuses an unknown email before asking, and a short password, changing nothing", async () => {
    const unknown = fakeIo();
    expect((await refusal(userResetPassword(db, { email: "ghost@example.org" }, unknown.io))).error.code).toBe(
      "not_found",
    );
    expect(unknown.asked()).toBe(0);
    const user = (await findUserByEmail(db, "tess@example.org"))!;
    const before = await db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    const { message } = await refusal(userResetPassword(db, { email: user.email }, fakeIo("short").io));
    expect(message).toMatch(/at least 10 characters/);
    const after = await db.account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    expect(after.password).toBe(before.password);
  });
});

describe("user confirm", () => {
  it("confirms an address made through an invitation link, once", async () => {
    await db.user.create({ data: { email: "linked@example.org", name: "Linked", emailVerified: false } });
    const { io, lines } = fakeIo();
    await userConfirm(db, { email: "linked@example.org" }, io);
    expect(lines).toEqual([
      "Confirmed the address of linked@example.org: it can now accept invitations to other projects.",
    ]);
    expect((await findUserByEmail(db, "linked@example.org"))?.emailVerified).toBe(true);
    const again = fakeIo();
    await userConfirm(db, { email: "linked@example.org" }, again.io);
    expect(again.lines[0]).toMatch(/already confirmed; nothing was changed/);
    expect(await db.auditEvent.count({ where: { action: "user.confirm" } })).toBe(1);
    expect((await refusal(userConfirm(db, { email: "ghost@example.org" }, fakeIo().io))).error.code).toBe("not_found");
  });
});

describe("import and export", () => {
  let demoId: string;
  const file = (name: string, content: string | Uint8Array) => {
    const full = path.join(tmp.dir, name);
    writeFileSync(full, content);
    return full;
  };

  beforeAll(async () => {
    demoId = (await db.document.findFirstOrThrow({ where: { project: { name: DEMO_PROJECT_NAME } } })).id;
  });

  it("imports a text file into a project named by its name, as the first administrator", async () => {
    const { io, lines } = fakeIo();
    const before = await db.document.count();
    const report = await importFile(
      db,
      {
        file: file("notes.txt", "Перший абзац — «тест» [52, с. 5].\n- пункт\n"),
        project: DEMO_PROJECT_NAME,
        title: "З файлу",
      },
      io,
    );
    expect(await db.document.count()).toBe(before + 1);
    const document = await db.document.findUniqueOrThrow({ where: { id: report.documentId } });
    const admin = await findUserByEmail(db, "admin@example.org");
    expect(document).toMatchObject({ title: "З файлу", fileName: "notes.txt", createdById: admin?.id });
    expect(lines).toEqual([
      `Imported notes.txt (txt) into new document (id ${report.documentId}) of "${DEMO_PROJECT_NAME}": 2 paragraphs, 0 translations, 0 notes.`,
    ]);
  });

  it("exports to a file and to standard output, and imports the file back as an update", async () => {
    const segment = await db.segment.findFirstOrThrow({ where: { documentId: demoId, position: 2 } });
    await db.translation.update({
      where: { segmentId_lang: { segmentId: segment.id, lang: "kk" } },
      data: { text: "Екінші абзац", status: "translated", version: 1 },
    });
    const out = path.join(tmp.dir, "demo.xlf");
    const { io, lines } = fakeIo();
    await exportFile(db, { document: demoId, format: "xliff20", target: "kk", out }, io);
    expect(lines).toEqual([`Exported "${DEMO_DOCUMENT_TITLE}" as xliff20 (kk) to ${out}.`]);
    const xliff = readFileSync(out, "utf8");
    expect(xliff).toContain('trgLang="kk"');
    expect(xliff).toContain("<target>Екінші абзац</target>");

    const chunks: Uint8Array[] = [];
    await exportFile(
      db,
      { document: demoId, format: "csv", noNotes: true },
      { ...io, write: async (c) => void chunks.push(c) },
    );
    expect(Buffer.concat(chunks).toString("utf8")).toMatch(/^\uFEFFposition,status,uk,en,kk,/);

    const edited = file(
      "edited.xlf",
      xliff.replace("<target>Екінші абзац</target>", "<target>Екінші абзац, түзетілген</target>"),
    );
    const update = fakeIo();
    const report = await importFile(db, { file: edited, project: DEMO_PROJECT_NAME, update: demoId }, update.io);
    expect(report).toMatchObject({ created: false, translations: 1, mismatches: [] });
    expect(update.lines[0]).toMatch(/into document .* 11 paragraphs, 1 translations, 0 notes\.$/);
    const kk = await db.translation.findUniqueOrThrow({
      where: { segmentId_lang: { segmentId: segment.id, lang: "kk" } },
    });
    expect(kk).toMatchObject({ text: "Екінші абзац, түзетілген", version: 2 });
  });

  it("refuses an unsupported file, a file over the limit and an unknown format, with one line each", async () => {
    const before = await db.document.count();
    const pdf = await refusal(
      importFile(db, { file: file("scan.pdf", "%PDF"), project: DEMO_PROJECT_NAME }, fakeIo().io),
    );
    expect(pdf.error.details).toMatchObject({ reason: "unsupported_type" });
    expect(pdf.message).toBe('Files of type ".pdf" cannot be imported.');
    process.env.PARALLEL_MAX_UPLOAD_MB = "0.001";
    try {
      const big = await refusal(
        importFile(db, { file: file("big.txt", "x".repeat(2000)), project: DEMO_PROJECT_NAME }, fakeIo().io),
      );
      expect(big.error.code).toBe("too_large");
      expect(big.message).toBe("The file is over 0.000999 MB.");
    } finally {
      delete process.env.PARALLEL_MAX_UPLOAD_MB;
    }
    const missing = await refusal(
      importFile(db, { file: path.join(tmp.dir, "nope.txt"), project: DEMO_PROJECT_NAME }, fakeIo().io),
    );
    expect(missing.message).toBe(`No file at ${path.join(tmp.dir, "nope.txt")}.`);
    const format = await refusal(exportFile(db, { document: demoId, format: "pdf" }, fakeIo().io));
    expect(format.message).toBe("Invalid value for --format.");
    const target = await refusal(exportFile(db, { document: demoId, format: "tmx", target: "de" }, fakeIo().io));
    expect(target.message).toBe("Invalid value for --target.");
    expect(await db.document.count()).toBe(before);
  });
});
