// The report's counts: open findings per check and severity (each a link to those findings), and
// how many are ignored.
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { Lng } from "@/lib/i18n/settings";
import { CHECK_CODES } from "@/lib/qa/settings";
import type { DocumentQaReport } from "@/lib/qa/store/document-report";
import { severities } from "@/lib/qa/types";

interface Props {
  lng: Lng;
  base: string;
  target: string;
  summary: DocumentQaReport["summary"];
  total: number;
}

export function QaSummary({ lng, base, target, summary, total }: Props) {
  const t = getT(lng);
  const checks = CHECK_CODES.filter((c) => summary.some((r) => r.check === c));
  const cell = (check: string, severity: string) => summary.find((r) => r.check === check && r.severity === severity);
  const open = (severity: string) => summary.filter((r) => r.severity === severity).reduce((n, r) => n + r.open, 0);
  const ignored = summary.reduce((n, r) => n + r.ignored, 0);
  return (
    <section className="card" aria-labelledby="qa-summary-heading">
      <h2 id="qa-summary-heading">{t("qa.page.summary")}</h2>
      {total === 0 ? (
        <p data-testid="qa-clean">{t("qa.page.clean")}</p>
      ) : (
        <table className="list qa-summary">
          <thead>
            <tr>
              <th>{t("qa.report.check")}</th>
              {severities.map((s) => (
                <th key={s} className="num">
                  {t(`qa.severity.${s}`)}
                </th>
              ))}
              <th className="num">{t("qa.report.ignored")}</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((check) => (
              <tr key={check}>
                <td>
                  <Link href={`${base}?target=${target}&check=${check}`}>{t(`qa.checks.${check}`)}</Link>
                </td>
                {severities.map((s) => {
                  const n = cell(check, s)?.open ?? 0;
                  return (
                    <td key={s} className="num">
                      {n > 0 ? (
                        <Link
                          href={`${base}?target=${target}&check=${check}&severity=${s}&ignored=exclude`}
                          aria-label={`${t(`qa.checks.${check}`)}, ${t(`qa.severity.${s}`)}: ${n}`}
                        >
                          {n}
                        </Link>
                      ) : (
                        0
                      )}
                    </td>
                  );
                })}
                <td className="num">{summary.filter((r) => r.check === check).reduce((n, r) => n + r.ignored, 0)}</td>
              </tr>
            ))}
            <tr>
              <th>{t("qa.page.total")}</th>
              {severities.map((s) => (
                <th key={s} className="num">
                  {open(s)}
                </th>
              ))}
              <th className="num">{ignored}</th>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
