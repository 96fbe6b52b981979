// The analysis of a document into one target language: words and characters per match band
// against the project's memories, weighted, as a table and a bar chart, with CSV and JSON downloads.
import Link from "next/link";
import { notFound } from "next/navigation";
import { TargetPicker } from "@/app/_components/target-picker";
import { documentFor } from "@/app/_lib/document-access";
import { requireSignedIn } from "@/app/_lib/session";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { documentAnalysis } from "@/lib/tm/document-memory";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }>; searchParams: Promise<{ target?: string }> };

export default async function AnalysisPage({ params, searchParams }: Props) {
  const { lng, id } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const found = await documentFor(id, "project.read");
  if (!found) notFound();
  const langs = found.access.targetLangs;
  const asked = (await searchParams).target;
  const target = asked && langs.includes(asked) ? asked : langs[0];
  const { analysis } = await documentAnalysis(getDb(), actor, id, { target });
  const t = getT(lng);
  const number = new Intl.NumberFormat(lng, { maximumFractionDigits: 2 });
  const most = Math.max(1, ...analysis.bands.map((b) => b.words));
  const api = `/api/v1/documents/${id}/analysis?target=${target}`;
  return (
    <>
      <p>
        <Link href={`/${lng}/documents/${id}?target=${target}`}>← {t("memory.backToDocument")}</Link>
      </p>
      <div className="doc-header">
        <h1>{t("memory.analysisTitle", { title: found.document.title })}</h1>
        <span className="spacer" />
        <TargetPicker
          lng={lng}
          langs={langs}
          current={target}
          href={(lang) => `/${lng}/documents/${id}/analysis?target=${lang}`}
        />
      </div>
      <p className="muted">{t("memory.analysisExplain", { lang: t(`lang.${target}`) })}</p>
      <table className="list analysis-table" data-testid="analysis-table">
        <thead>
          <tr>
            <th scope="col">{t("memory.colBand")}</th>
            <th scope="col">{t("memory.colSegments")}</th>
            <th scope="col">{t("memory.colWords")}</th>
            <th scope="col">{t("memory.colCharacters")}</th>
            <th scope="col">{t("memory.colWeight")}</th>
            <th scope="col">{t("memory.colWeighted")}</th>
          </tr>
        </thead>
        <tbody>
          {analysis.bands.map((b) => (
            <tr key={b.band} data-band={b.band}>
              <th scope="row">{t(`memory.band.${b.band}`)}</th>
              <td>{number.format(b.segments)}</td>
              <td>{number.format(b.words)}</td>
              <td>{number.format(b.characters)}</td>
              <td>{number.format(b.weight)}</td>
              <td>{number.format(b.weightedWords)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("memory.total")}</th>
            <td>{number.format(analysis.total.segments)}</td>
            <td data-testid="analysis-total-words">{number.format(analysis.total.words)}</td>
            <td>{number.format(analysis.total.characters)}</td>
            <td />
            <td data-testid="analysis-weighted">{number.format(analysis.total.weightedWords)}</td>
          </tr>
        </tfoot>
      </table>
      <figure className="analysis-chart" data-testid="analysis-chart" aria-labelledby="analysis-chart-title">
        <figcaption id="analysis-chart-title">
          <strong>{t("memory.chart")}</strong>
        </figcaption>
        {analysis.bands.map((b) => (
          <div key={b.band} className="analysis-bar">
            <span>{t(`memory.band.${b.band}`)}</span>
            <span className="bar" style={{ width: `${(b.words / most) * 100}%` }} aria-hidden="true" />
            <span className="value">{number.format(b.words)}</span>
          </div>
        ))}
      </figure>
      <p className="row-buttons">
        <a href={`${api}&format=csv`} download>
          {t("memory.downloadCsv")}
        </a>
        <a href={api} download={`analysis-${target}.json`}>
          {t("memory.downloadJson")}
        </a>
      </p>
    </>
  );
}
