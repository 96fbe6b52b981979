// Export: a plain GET form that sends the browser to the export API, which answers with the file
// (format, target languages incl. Kazakh in Latin script, only approved, notes).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { documentFor } from "@/app/_lib/document-access";
import { requireSignedIn } from "@/app/_lib/session";
import { exportableTargets } from "@/lib/exchange/export/query";
import type { ExportFormat } from "@/lib/exchange/types";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lng, id } = await params;
  const found = await documentFor(id, "document.export");
  return found && isLng(lng) ? { title: getT(lng)("export.title", { title: found.document.title }) } : {};
}

export default async function ExportPage({ params }: Props) {
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
  const languageName: Record<string, string> = {
    en: t("lang.en"),
    kk: t("lang.kk"),
    uk: t("lang.uk"),
    "kk-Latn": t("lang.kk-Latn"),
  };

  return (
    <>
      <p>
        <Link href={`/${lng}/documents/${document.id}`}>← {t("export.backToDocument")}</Link>
      </p>
      <h1>{t("export.title", { title: document.title })}</h1>
      <form className="card stack" method="get" action={`/api/v1/documents/${document.id}/export`}>
        <fieldset className="stack">
          <legend>{t("export.format")}</legend>
          {formats.map((f, i) => (
            <label key={f.value} className="checkbox">
              <input type="radio" name="format" value={f.value} defaultChecked={i === 0} required />
              <span>
                {f.name} <span className="muted">— {f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="stack">
          <legend>{t("export.targets")}</legend>
          {exportableTargets(projectLangs).map((lang) => (
            <label key={lang} className="checkbox">
              <input type="checkbox" name="target" value={lang} defaultChecked={projectLangs.includes(lang)} />
              <span>
                {languageName[lang] ?? lang} <span className="muted">({lang})</span>
              </span>
            </label>
          ))}
          <p className="muted">{t("export.targetsHint")}</p>
        </fieldset>
        <fieldset className="stack">
          <legend>{t("export.options")}</legend>
          {/* A checkbox sends nothing when unticked: the hidden 0 before it says "no", its 1 wins when ticked. */}
          <input type="hidden" name="approvedOnly" value="0" />
          <label className="checkbox">
            <input type="checkbox" name="approvedOnly" value="1" />
            {t("export.approvedOnly")}
          </label>
          <input type="hidden" name="notes" value="0" />
          <label className="checkbox">
            <input type="checkbox" name="notes" value="1" defaultChecked />
            {t("export.includeNotes")}
          </label>
        </fieldset>
        <p>
          <button type="submit" className="primary">
            {t("export.download")}
          </button>
        </p>
      </form>
    </>
  );
}
