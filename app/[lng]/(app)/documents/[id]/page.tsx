// A document: every source paragraph in order beside its translation into the chosen language.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { getDocument, getSegmentsWithTranslation } from "@/lib/documents/queries";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }>; searchParams: Promise<{ target?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const doc = await getDocument(getDb(), id);
  return doc ? { title: doc.title } : {};
}

export default async function DocumentPage({ params, searchParams }: Props) {
  const { lng, id } = await params;
  if (!isLng(lng)) notFound();
  const db = getDb();
  const doc = await getDocument(db, id);
  if (!doc) notFound();
  const targets = doc.project.languages.map((l) => l.lang);
  const { target: asked } = await searchParams;
  const target = asked && targets.includes(asked) ? asked : (targets[0] ?? "en");
  const segments = await getSegmentsWithTranslation(db, doc.id, target);
  const t = getT(lng);
  return (
    <>
      <p>
        <Link href={`/${lng}`}>← {t("document.backToProjects")}</Link>
      </p>
      <div className="doc-header">
        <h1>{doc.title}</h1>
        <span className="muted">{t("document.paragraphCount", { count: segments.length })}</span>
        <span className="spacer" />
        <nav className="target-picker" aria-label={t("document.targetLanguage")}>
          <span className="muted">{t("document.targetLanguage")}:</span>
          {targets.map((lang) =>
            lang === target ? (
              <span key={lang} aria-current="true">
                {t(`lang.${lang}`)}
              </span>
            ) : (
              <Link key={lang} href={`/${lng}/documents/${doc.id}?target=${lang}`}>
                {t(`lang.${lang}`)}
              </Link>
            ),
          )}
        </nav>
      </div>
      <div className="segments" role="table" aria-label={doc.title}>
        <div className="segments-head" role="row">
          <span role="columnheader">{t("document.position")}</span>
          <span role="columnheader">
            {t("document.source")} ({t(`lang.${doc.sourceLang}`)})
          </span>
          <span role="columnheader">
            {t("document.translation")} ({t(`lang.${target}`)})
          </span>
          <span role="columnheader">{t("document.status")}</span>
        </div>
        {segments.map((s) => {
          const status = s.translation?.status ?? "new";
          const text = s.translation?.text ?? "";
          return (
            <div
              key={s.id}
              className={`segment-row ${s.kind}`}
              role="row"
              data-testid="segment"
              data-position={s.position}
            >
              <span className="segment-pos" role="cell">
                {s.position}
              </span>
              <span className="segment-source" role="cell" lang={doc.sourceLang} data-testid="source">
                {s.source}
              </span>
              <span className={`segment-target${text ? "" : " empty"}`} role="cell" lang={target} data-testid="target">
                {text || t("document.empty")}
              </span>
              <span role="cell">
                <span className={`status-badge ${status}`}>{t(`status.${status}`)}</span>
              </span>
            </div>
          );
        })}
      </div>
    </>
  );
}
