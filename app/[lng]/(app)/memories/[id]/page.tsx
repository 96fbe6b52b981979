// One memory's units, newest first, with search (concordance in this memory) and, for owners of
// its project, editing and deleting; readable by members of every project that uses it.
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSignedIn } from "@/app/_lib/session";
import { isNotVisible } from "@/lib/auth/access";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { requireMemory } from "@/lib/tm/memory-access";
import { memoryUnits } from "@/lib/tm/memory-admin";
import { MemoryUnits } from "./memory-units";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }>; searchParams: Promise<{ project?: string }> };

export default async function MemoryPage({ params, searchParams }: Props) {
  const { lng, id } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const db = getDb();
  const found = await requireMemory(db, actor, id, "read").catch((e) => {
    if (isNotVisible(e)) notFound();
    throw e;
  });
  const [first, langs] = await Promise.all([
    memoryUnits(db, actor, id, {}),
    db.memoryUnit.findMany({ where: { memoryId: id }, distinct: ["targetLang"], select: { targetLang: true } }),
  ]);
  const project = (await searchParams).project ?? found.memory.projectId;
  const t = getT(lng);
  return (
    <>
      <p>
        <Link href={`/${lng}/projects/${encodeURIComponent(project)}/memories`}>← {t("memory.backToMemories")}</Link>
      </p>
      <div className="doc-header">
        <h1>{t("memory.unitsTitle", { name: found.memory.name })}</h1>
        <span className="muted">{t("memory.units", { count: first.total })}</span>
        <span className="spacer" />
        <a href={`/api/v1/memories/${id}/export`} download>
          {t("memory.exportTmx")}
        </a>
      </div>
      <MemoryUnits
        memoryId={id}
        sourceLang={found.memory.sourceLang}
        langs={langs.map((l) => l.targetLang)}
        first={first}
        canEdit={found.mayManage}
      />
    </>
  );
}
