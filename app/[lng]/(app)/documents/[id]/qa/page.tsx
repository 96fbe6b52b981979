// The quality-check report of a document in one target language: counts by check and severity,
// every finding (filtered by check, severity, ignored) with a link to its paragraph, CSV export.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { documentFor } from "@/app/_lib/document-access";
import { requireSignedIn } from "@/app/_lib/session";
import { roleAllows } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { CHECK_CODES } from "@/lib/qa/settings";
import { documentQaReport, type ReportFinding } from "@/lib/qa/store/document-report";
import { severities } from "@/lib/qa/types";
import { QaSummary } from "./qa-summary";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 200;
const IGNORED = ["include", "exclude", "only"] as const;

type Search = { target?: string; check?: string; severity?: string; ignored?: string; page?: string };
type Props = { params: Promise<{ lng: string; id: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lng, id } = await params;
  const found = await documentFor(id, "project.read");
  return found && isLng(lng) ? { title: getT(lng)("qa.page.title", { title: found.document.title }) } : {};
}

/** Spaces the report marks (a double or trailing space) shown as ␣, or the mark would be invisible. */
const visible = (text: string) => (text.trim() === "" ? text.replace(/[ \u00a0\u202f]/g, "␣") : text);

/** A query value kept only when it is one of `allowed` (a hand-edited address gets the unfiltered report). */
const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[]): T | "" =>
  allowed.includes(value as T) ? (value as T) : "";

function Excerpt({ finding, sideLabel }: { finding: ReportFinding; sideLabel: string }) {
  const e = finding.excerpt;
  if (!e || e.text === "") return null;
  return (
    <span className="qa-excerpt">
      <span className="muted">{sideLabel}: </span>
      {e.before && "…"}
      {e.before}
      <mark className={`qa-mark qa-${finding.severity}`}>{visible(e.text)}</mark>
      {e.after}
      {e.after && "…"}
    </span>
  );
}

export default async function QaReportPage({ params, searchParams }: Props) {
  const { lng, id } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const found = await documentFor(id, "project.read");
  if (!found) notFound();
  const search = await searchParams;
  const langs = found.access.targetLangs;
  const target = search.target && langs.includes(search.target) ? search.target : langs[0];
  const check = oneOf(search.check, CHECK_CODES);
  const severity = oneOf(search.severity, severities);
  const ignored = oneOf(search.ignored, IGNORED) || "include";
  const t = getT(lng);
  const report = await documentQaReport(getDb(), actor, id, { target, check, severity, ignored }, t);
  const pages = Math.max(1, Math.ceil(report.findings.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(search.page ?? "1", 10) || 1));
  const shown = report.findings.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      target,
      ...(check && { check }),
      ...(severity && { severity }),
      ignored,
      ...extra,
    }).toString();
  const base = `/${lng}/documents/${id}/qa`;
  const total = report.summary.reduce((n, r) => n + r.open + r.ignored, 0);
  const canSet = roleAllows(found.access.role, "project.settings", found.access.policy);

  return (
    <>
      <p>
        <Link href={`/${lng}/documents/${id}?target=${target}`}>← {t("qa.page.back")}</Link>
      </p>
      <div className="doc-header">
        <h1>{t("qa.page.title", { title: found.document.title })}</h1>
        <span className="spacer" />
        <nav className="target-picker" aria-label={t("document.targetLanguage")}>
          {langs.map((lang) =>
            lang === target ? (
              <span key={lang} aria-current="true">
                {t(`lang.${lang}`)}
              </span>
            ) : (
              <Link key={lang} href={`${base}?target=${lang}`}>
                {t(`lang.${lang}`)}
              </Link>
            ),
          )}
        </nav>
      </div>
      {report.notices.map((n) => (
        <p key={n.key} className="banner" role="status">
          {n.message}
        </p>
      ))}
      <QaSummary lng={lng} base={base} target={target} summary={report.summary} total={total} />
      <section className="card" aria-labelledby="qa-findings-heading">
        <h2 id="qa-findings-heading">{t("qa.page.findings")}</h2>
        <form method="get" action={base} className="qa-filter">
          <input type="hidden" name="target" value={target} />
          <label>
            {t("qa.report.check")}{" "}
            <select name="check" defaultValue={check}>
              <option value="">{t("qa.page.allChecks")}</option>
              {CHECK_CODES.map((c) => (
                <option key={c} value={c}>
                  {t(`qa.checks.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("qa.report.severity")}{" "}
            <select name="severity" defaultValue={severity}>
              <option value="">{t("qa.page.allSeverities")}</option>
              {severities.map((s) => (
                <option key={s} value={s}>
                  {t(`qa.severity.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("qa.page.ignored")}{" "}
            <select name="ignored" defaultValue={ignored}>
              {IGNORED.map((v) => (
                <option key={v} value={v}>
                  {t(`qa.page.ignoredChoice.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("qa.page.apply")}</button>
          <a href={`/api/v1/documents/${id}/qa?${query({ format: "csv" })}`} download>
            {t("qa.page.csv")}
          </a>
          {canSet && (
            <Link href={`/${lng}/projects/${found.document.projectId}/qa-settings`}>{t("qa.settings.link")}</Link>
          )}
        </form>
        <p className="muted" role="status" data-testid="qa-count">
          {t("qa.page.shown", { shown: report.findings.length, total })}
        </p>
        {shown.length === 0 ? (
          <p>{t("qa.page.none")}</p>
        ) : (
          <table className="list qa-report">
            <thead>
              <tr>
                <th>{t("qa.report.paragraph")}</th>
                <th>{t("qa.report.severity")}</th>
                <th>{t("qa.report.check")}</th>
                <th>{t("qa.report.message")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={`${f.segmentId}|${f.key}`} className={f.ignored ? "ignored" : undefined}>
                  <td>
                    <Link href={`/${lng}/documents/${id}?target=${target}&segment=${f.segmentId}`}>
                      {t("qa.editor.paragraph", { position: f.position })}
                    </Link>
                  </td>
                  <td>
                    <span className={`qa-severity qa-${f.severity}`}>{t(`qa.severity.${f.severity}`)}</span>
                  </td>
                  <td>{t(`qa.checks.${f.check}`)}</td>
                  <td>
                    <span className="qa-message">{f.message}</span>
                    <Excerpt finding={f} sideLabel={t(`qa.report.sides.${f.excerpt?.side ?? "target"}`)} />
                    {f.ignore && (
                      <span className="qa-ignore-note muted">
                        {t("qa.editor.ignoredBy", {
                          name: f.ignore.by?.name ?? t("qa.editor.someone"),
                          date: new Date(f.ignore.at).toLocaleDateString(lng),
                          reason: f.ignore.reason,
                        })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 && (
          <nav className="pager" aria-label={t("qa.page.pages")}>
            {page > 1 && <Link href={`${base}?${query({ page: String(page - 1) })}`}>← {t("qa.page.previous")}</Link>}
            <span>{t("qa.page.pageOf", { page, pages })}</span>
            {page < pages && <Link href={`${base}?${query({ page: String(page + 1) })}`}>{t("qa.page.next")} →</Link>}
          </nav>
        )}
      </section>
    </>
  );
}
