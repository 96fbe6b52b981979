// A project's translation memories: its working memory and the reference memories it reads, each
// opened, exported as TMX and (owners) deleted or detached; owners import TMX, attach other
// projects' memories they own, and set the memory settings.
import Link from "next/link";
import { notFound } from "next/navigation";
import { projectPage } from "@/app/_lib/project-page";
import { isNotVisible } from "@/lib/auth/access";
import { roleAllows } from "@/lib/auth/permissions";
import { attachableMemories, projectMemories } from "@/lib/tm/memory-admin";
import { memorySettings } from "@/lib/tm/settings";
import { AttachForm, DeleteMemoryButton, DetachButton, ImportTmxForm, MemorySettingsForm } from "./memory-forms";

export const dynamic = "force-dynamic";

export default async function MemoriesPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng: raw, id } = await params;
  const { lng, actor, db, access, t } = await projectPage(raw, id);
  const { memories } = await projectMemories(db, actor, id).catch((e) => {
    if (isNotVisible(e)) notFound();
    throw e;
  });
  const owner = roleAllows(access.role, "project.settings", access.policy);
  const [project, settings, attachable] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id }, select: { name: true } }),
    memorySettings(db, id),
    owner ? attachableMemories(db, actor, id) : Promise.resolve([]),
  ]);
  const date = new Intl.DateTimeFormat(lng, { dateStyle: "medium" });
  return (
    <>
      <p>
        <Link href={`/${lng}`}>← {t("document.backToProjects")}</Link>
      </p>
      <h1>{t("memory.memoriesTitle", { project: project.name })}</h1>
      <p className="muted">{t("memory.memoriesExplain")}</p>
      <ul className="memory-list">
        {memories.map((m) => (
          <li key={m.id} className="memory-card" data-testid="memory">
            <strong>{m.name}</strong>
            <span className="tag">
              {m.projectId !== id
                ? t("memory.kindReference")
                : m.kind === "working"
                  ? t("memory.kindWorking")
                  : t("memory.kindImported")}
            </span>
            <span>{t("memory.units", { count: m.units })}</span>
            <span className="muted">{date.format(new Date(m.createdAt))}</span>
            <span className="spacer" />
            <Link href={`/${lng}/memories/${m.id}?project=${id}`}>{t("memory.open")}</Link>
            <a href={`/api/v1/memories/${m.id}/export`} download>
              {t("memory.exportTmx")}
            </a>
            {owner && m.projectId !== id && <DetachButton projectId={id} memoryId={m.id} />}
            {owner && m.projectId === id && m.kind === "imported" && <DeleteMemoryButton memoryId={m.id} />}
          </li>
        ))}
      </ul>
      {owner && (
        <>
          <section className="card">
            <h2>{t("memory.importTitle")}</h2>
            <ImportTmxForm projectId={id} />
          </section>
          {attachable.length > 0 && (
            <section className="card">
              <h2>{t("memory.attachTitle")}</h2>
              <AttachForm
                projectId={id}
                choices={attachable.map((m) => ({ id: m.id, label: `${m.project.name}: ${m.name}` }))}
              />
            </section>
          )}
          <section className="card">
            <h2>{t("memory.settingsTitle")}</h2>
            <MemorySettingsForm projectId={id} settings={settings} />
          </section>
        </>
      )}
    </>
  );
}
