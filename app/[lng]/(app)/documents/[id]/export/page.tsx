// Export: a plain GET form that sends the browser to the export API, which answers with the file
// (format, target languages incl. Kazakh in Latin script, only approved, only without QA errors, notes, and for
// translation-only formats what to do with untranslated paragraphs). A refusal the form could not
// foresee comes back here (?refused=reason, with the options sent) and is shown above the form.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { documentFor } from "@/app/_lib/document-access";
import { requireSignedIn } from "@/app/_lib/session";
import { getDb } from "@/lib/db/client";
import { translationGaps } from "@/lib/exchange/export/gaps";
import { exportableTargets } from "@/lib/exchange/export/query";
import { type ExportFormat, exportFormats, untranslatedChoices } from "@/lib/exchange/types";
import { languageName } from "@/lib/i18n/language-names";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { type ExportDefaults, ExportForm } from "./export-form";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ lng: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const last = (v: string | string[] | undefined) => all(v).at(-1);
const yes = (v: string | undefined) => ["1", "true", "yes", "on"].includes((v ?? "").toLowerCase());

/** The options a refused export was sent with, so the form shows them again; the usual defaults otherwise. */
function defaultsFrom(
  query: Awaited<Props["searchParams"]>,
  offered: string[],
  projectLangs: string[],
): ExportDefaults {
  const format = exportFormats.find((f) => f === last(query.format)) ?? "tmx";
  const asked = all(query.target)
    .flatMap((v) => v.split(","))
    .filter((v) => offered.includes(v));
  const untranslated = untranslatedChoices.find((c) => c === last(query.untranslated)) ?? "source";
  return {
    format,
    targets: query.refused ? asked : projectLangs,
    approvedOnly: yes(last(query.approvedOnly)),
    withoutQaErrors: yes(last(query.withoutQaErrors)),
    notes: query.refused ? yes(last(query.notes)) : true,
    untranslated,
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lng, id } = await params;
  const found = await documentFor(id, "document.export");
  return found && isLng(lng) ? { title: getT(lng)("export.title", { title: found.document.title }) } : {};
}

export default async function ExportPage({ params, searchParams }: Props) {
  const { lng, id } = await params;
  if (!isLng(lng)) notFound();
  await requireSignedIn(lng);
  // Not a member: the same 404 as a document that does not exist.
  const found = await documentFor(id, "document.export");
  if (!found) notFound();
  const { document } = found;
  const projectLangs = found.access.targetLangs;
  const t = getT(lng);

  const formats: { value: ExportFormat; name: string; hint: string }[] = [
    { value: "tmx", name: t("export.formatTmx"), hint: t("export.hintTmx") },
    { value: "xliff12", name: t("export.formatXliff12"), hint: t("export.hintXliff") },
    { value: "xliff20", name: t("export.formatXliff20"), hint: t("export.hintXliff") },
    { value: "csv", name: t("export.formatCsv"), hint: t("export.hintCsv") },
    { value: "tsv", name: t("export.formatTsv"), hint: t("export.hintCsv") },
    { value: "docx", name: t("export.formatDocx"), hint: t("export.hintDocx") },
    { value: "docx-target", name: t("export.formatDocxTarget"), hint: t("export.hintTargetOnly") },
    { value: "txt", name: t("export.formatTxt"), hint: t("export.hintTargetOnly") },
  ];
  const offered = exportableTargets(projectLangs);
  const query = await searchParams;
  const refused = last(query.refused);
  const { total, gaps } = await translationGaps(getDb(), document.id, offered);

  return (
    <>
      <p>
        <Link href={`/${lng}/documents/${document.id}`}>← {t("export.backToDocument")}</Link>
      </p>
      <h1>{t("export.title", { title: document.title })}</h1>
      {refused && (
        <p className="form-error card" role="alert" data-testid="export-refused">
          {t("export.refused")} {t([`errors.reasons.${refused}`, `errors.${refused}`, "errors.invalid_input"])}
        </p>
      )}
      <ExportForm
        action={`/api/v1/documents/${document.id}/export`}
        formats={formats}
        targets={offered.map((lang) => ({ value: lang, name: languageName(lang, lng) }))}
        sourceName={languageName(document.sourceLang, lng)}
        total={total}
        gaps={gaps}
        defaults={defaultsFrom(query, offered, projectLangs)}
      />
    </>
  );
}
