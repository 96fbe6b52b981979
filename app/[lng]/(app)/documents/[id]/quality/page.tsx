// The quality report of a document in one target language, with the owner's pass threshold.
import Link from "next/link";
import { notFound } from "next/navigation";
import { documentFor } from "@/app/_lib/document-access";
import { requireSignedIn } from "@/app/_lib/session";
import { roleAllows } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { qualityReport } from "@/lib/review/quality";
import { ThresholdForm } from "./threshold-form";

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
        <nav className="target-picker" aria-label={t("document.targetLanguage")}>
          {langs.map((lang) =>
            lang === target ? (
              <span key={lang} aria-current="true">
                {t(`lang.${lang}`)}
              </span>
            ) : (
              <Link key={lang} href={`/${lng}/documents/${id}/quality?target=${lang}`}>
                {t(`lang.${lang}`)}
              </Link>
            ),
          )}
        </nav>
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
          <dd>{report.words}</dd>
          <dt>{t("quality.penaltyPer1000")}</dt>
          <dd data-testid="penalty">{report.penaltyPer1000.toLocaleString(lng)}</dd>
          <dt>{t("quality.threshold")}</dt>
          <dd>{report.threshold.toLocaleString(lng)}</dd>
        </dl>
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
      {roleAllows(found.access.role, "project.settings", found.access.policy) && (
        <section className="card">
          <ThresholdForm projectId={found.document.projectId} threshold={report.threshold} />
        </section>
      )}
    </>
  );
}
