// The quality report of a document in one target language: the verdict on the words that were
// reviewed (and what share of the document that is), errors by category, every error with a link to
// its paragraph, and the owner's pass threshold.
import Link from "next/link";
import { notFound } from "next/navigation";
import { TargetPicker } from "@/app/_components/target-picker";
import { documentFor } from "@/app/_lib/document-access";
import { requireSignedIn } from "@/app/_lib/session";
import { roleAllows } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { qualityReport } from "@/lib/review/quality";
import { quoteCell } from "@/lib/review/quality-csv";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }>; searchParams: Promise<{ target?: string }> };

export default async function QualityPage({ params, searchParams }: Props) {
  const { lng, id } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const db = getDb();
  const found = await documentFor(id, "project.read");
  if (!found) notFound();
  const langs = found.access.targetLangs;
  const asked = (await searchParams).target;
  const target = asked && langs.includes(asked) ? asked : langs[0];
  const report = await qualityReport(db, actor, id, target).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const t = getT(lng);
  const percent = new Intl.NumberFormat(lng, { style: "percent", maximumFractionDigits: 1 });
  return (
    <>
      <p>
        <Link href={`/${lng}/documents/${id}?target=${target}`}>← {t("quality.back")}</Link>
      </p>
      <div className="doc-header">
        <h1>
          {t("quality.title")}: {found.document.title}
        </h1>
        <span className="spacer" />
        <TargetPicker
          lng={lng}
          langs={langs}
          current={target}
          href={(lang) => `/${lng}/documents/${id}/quality?target=${lang}`}
        />
      </div>
      <section className="card" aria-label={t("quality.result")}>
        <p className={`verdict ${report.pass ? "pass" : "fail"}`} data-testid="verdict">
          {report.pass ? t("quality.pass") : t("quality.fail")}
        </p>
        <dl className="facts">
          <dt>{t("quality.errors")}</dt>
          <dd data-testid="errors">{report.totals.errors}</dd>
          <dt>{t("quality.points")}</dt>
          <dd data-testid="points">{report.totals.points}</dd>
          <dt>{t("quality.words")}</dt>
          <dd data-testid="words">
            {t("quality.reviewedOf", {
              words: report.words.toLocaleString(lng),
              total: report.documentWords.toLocaleString(lng),
              share: percent.format(report.reviewedShare),
            })}
          </dd>
          <dt>{t("quality.penaltyPer1000")}</dt>
          <dd data-testid="penalty">{report.penaltyPer1000.toLocaleString(lng)}</dd>
          <dt>{t("quality.threshold")}</dt>
          <dd>{report.threshold.toLocaleString(lng)}</dd>
        </dl>
        <p className="muted">{t("quality.wordsHint")}</p>
        <p>
          <a href={`/api/v1/documents/${id}/quality?target=${target}&format=csv`} download>
            {t("quality.downloadCsv")}
          </a>
        </p>
      </section>
      <section className="card">
        <table className="list quality-table">
          <thead>
            <tr>
              <th>{t("quality.category")}</th>
              <th className="num">{t("quality.severity.minor")}</th>
              <th className="num">{t("quality.severity.major")}</th>
              <th className="num">{t("quality.severity.critical")}</th>
              <th className="num">{t("quality.points")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.category}>
                <td>{t(`quality.categories.${row.category}`)}</td>
                <td className="num">{row.minor}</td>
                <td className="num">{row.major}</td>
                <td className="num">{row.critical}</td>
                <td className="num">{row.points}</td>
              </tr>
            ))}
            <tr>
              <th>{t("quality.total")}</th>
              <th className="num">{report.totals.minor}</th>
              <th className="num">{report.totals.major}</th>
              <th className="num">{report.totals.critical}</th>
              <th className="num">{report.totals.points}</th>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="error-list">
        <h2 id="error-list">{t("quality.errorList")}</h2>
        {report.errors.length === 0 ? (
          <p className="muted">{t("quality.noErrors")}</p>
        ) : (
          <table className="list quality-errors" data-testid="quality-errors">
            <thead>
              <tr>
                <th className="num">{t("quality.paragraph")}</th>
                <th>{t("quality.quote")}</th>
                <th>{t("quality.category")}</th>
                <th>{t("quality.severityLabel")}</th>
                <th>{t("quality.author")}</th>
                <th>{t("quality.status")}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={e.noteId}>
                  <td className="num" data-label={t("quality.paragraph")}>
                    <Link
                      href={`/${lng}/documents/${id}?target=${target}#p${e.position}`}
                      aria-label={t("quality.goToParagraph", { position: e.position })}
                    >
                      {e.position}
                    </Link>
                  </td>
                  <td className={e.quoteGone || !e.quote ? "muted" : undefined} data-label={t("quality.quote")}>
                    {quoteCell(e, t)}
                  </td>
                  <td data-label={t("quality.category")}>{t(`quality.categories.${e.category}`)}</td>
                  <td data-label={t("quality.severityLabel")}>
                    <span className={`mqm-badge ${e.severity}`}>{t(`quality.severity.${e.severity}`)}</span>
                  </td>
                  <td data-label={t("quality.author")}>{e.author ?? t("editor.someone")}</td>
                  <td data-label={t("quality.status")}>{e.resolved ? t("quality.resolved") : t("quality.open")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {roleAllows(found.access.role, "project.settings", found.access.policy) && (
        <p>
          <Link href={`/${lng}/projects/${found.document.projectId}/settings#quality`}>
            {t("settings.thresholdThere")}
          </Link>
        </p>
      )}
    </>
  );
}
