// The editor: every source paragraph in order beside its translation into the chosen language(s).
// ?target=en | kk | en,kk (three columns).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { documentFor } from "@/app/_lib/document-access";
import { requireSignedIn } from "@/app/_lib/session";
import { editorPermissions } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getEditorRows } from "@/lib/documents/queries";
import { editorRow } from "@/lib/editor/rows";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { liveStartId } from "@/lib/live/runtime";
import { listDocumentNotes } from "@/lib/notes/notes";
import { lastReviewedTexts } from "@/lib/review/decide";
import { documentGlossaryStamp } from "@/lib/terms/segment-terms";
import { memorySettings } from "@/lib/tm/settings";
import { DocumentEditor } from "./editor/document-editor";
import { ParagraphCount } from "./editor/source/paragraph-count";
import { TargetMenu } from "./editor/target-menu";
import { TermsProvider } from "./editor/terms/terms-provider";
import { sourceEditingData } from "./source-editing-data";

export const dynamic = "force-dynamic";

/** Documents longer than this are sent in two steps: FIRST_SCREEN paragraphs in the page, then the rest. */
const FIRST_SCREEN_ABOVE = 300;
// Enough to fill a tall screen (a row is ~115 px at 1440 px wide, less on a phone) and a first scroll;
// every row more is rendered on the server and hydrated before the first one can take typing (bench/).
const FIRST_SCREEN = 30;

type Props = { params: Promise<{ lng: string; id: string }>; searchParams: Promise<{ target?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const found = await documentFor(id, "project.read");
  return found ? { title: found.document.title } : {};
}

/** The languages asked for in ?target=, kept in the project's order; the first language by default. */
function chosenTargets(asked: string | undefined, available: string[]): string[] {
  const wanted = new Set((asked ?? "").split(",").map((s) => s.trim()));
  const chosen = available.filter((lang) => wanted.has(lang));
  return chosen.length > 0 ? chosen : available.slice(0, 1);
}

export default async function DocumentPage({ params, searchParams }: Props) {
  const { lng, id } = await params;
  if (!isLng(lng)) notFound();
  const db = getDb();
  const actor = await requireSignedIn(lng);
  // Not a member: the same 404 as a document that does not exist.
  const found = await documentFor(id, "project.read");
  if (!found) notFound();
  const doc = found.document;
  const available = found.access.targetLangs;
  const targets = chosenTargets((await searchParams).target, available);
  // A big document's page carries the first screen of paragraphs; the editor loads the rest right after.
  // Read before the rows: every live event after it is news to this page (the stream starts there).
  const liveAfter = await liveStartId(db);
  // Read before the rows too: a split or merge after it is shown in place, one before it is in the rows.
  const { structureVersion } = await db.document.findUniqueOrThrow({
    where: { id: doc.id },
    select: { structureVersion: true },
  });
  const total = await db.segment.count({ where: { documentId: doc.id } });
  const data = await getEditorRows(db, doc.id, targets, total > FIRST_SCREEN_ABOVE ? FIRST_SCREEN : undefined);
  const rows = data.map((r) => editorRow(r, targets, (lang) => r.translations[lang]));
  const permissions = editorPermissions(found.access, actor.userId);
  const [threads, baselines, glossaryStamp, source, memory] = await Promise.all([
    listDocumentNotes(db, doc.id),
    permissions.canDecide
      ? Promise.all(
          targets.map(async (lang) => [lang, Object.fromEntries(await lastReviewedTexts(db, doc.id, lang))] as const),
        ).then(Object.fromEntries)
      : Promise.resolve({}),
    documentGlossaryStamp(db, doc.projectId, doc.sourceLang),
    sourceEditingData(db, doc.id, targets),
    memorySettings(db, doc.projectId),
  ]);
  // Notes on languages not shown stay out of this view.
  const shownThreads = threads.filter((th) => th.lang === null || targets.includes(th.lang));
  const t = getT(lng);
  const current = targets.join(",");
  const choices = available.length > 1 ? [...available, available.join(",")] : available;
  const labelOf = (choice: string) => (choice.includes(",") ? t("editor.allTargets") : t(`lang.${choice}`));
  // The heading rides in the editor's sticky header: title (cut short with … when long), role, languages.
  const heading = (
    <>
      <Link className="back-link" href={`/${lng}`} title={t("document.backToProjects")}>
        <span aria-hidden="true">←</span>
        <span className="sr-only">{t("document.backToProjects")}</span>
      </Link>
      <h1 className="doc-title" title={doc.title}>
        {doc.title}
      </h1>
      <ParagraphCount initial={total} />
      <span className="role-badge">{t(`role.${found.access.role}`)}</span>
      {choices.length > 1 && (
        <TargetMenu
          label={t("document.targetLanguage")}
          current={labelOf(current)}
          choices={choices.map((choice) => ({
            label: labelOf(choice),
            href: `/${lng}/documents/${doc.id}?target=${choice}`,
            current: choice === current,
          }))}
        />
      )}
    </>
  );
  return (
    <>
      {found.access.archived && (
        <p className="notice" role="status">
          {t("projects.archivedNotice")}
        </p>
      )}
      <TermsProvider
        documentId={doc.id}
        sourceLang={doc.sourceLang}
        langs={targets}
        config={{
          projectId: doc.projectId,
          stamp: glossaryStamp,
          targetLangs: available,
          canEdit: permissions.canEditGlossary,
        }}
      >
        <DocumentEditor
          key={current}
          heading={heading}
          documentId={doc.id}
          projectId={doc.projectId}
          sourceLang={doc.sourceLang}
          langs={targets}
          rows={rows}
          totalRows={total}
          threads={shownThreads}
          baselines={baselines}
          permissions={permissions}
          liveAfter={liveAfter}
          source={source}
          structureVersion={structureVersion}
          memory={{ projectId: doc.projectId, repetitions: memory.repetitions }}
        />
      </TermsProvider>
    </>
  );
}
