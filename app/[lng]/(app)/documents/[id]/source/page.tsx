// A document's source: upload a new version (with a preview of what it changes), the files uploaded
// so far, and the paragraphs removed from it (its bin), each restorable with its translations.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/app/_components/action-button";
import { documentFor } from "@/app/_lib/document-access";
import { requireSignedIn } from "@/app/_lib/session";
import { roleAllows } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listFiles } from "@/lib/documents/original-file";
import { acceptedExtensions } from "@/lib/exchange/import/detect";
import { maxUploadBytes, megabytes } from "@/lib/exchange/import/limits";
import { languageLabel } from "@/lib/i18n/language-label";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { listBin } from "@/lib/segments/bin-restore";
import { restoreParagraphAction } from "./actions";
import { SourceUpdateForm } from "./source-update-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lng, id } = await params;
  const found = await documentFor(id, "project.read");
  return found && isLng(lng) ? { title: `${getT(lng)("source.title")}: ${found.document.title}` } : {};
}

export default async function SourcePage({ params }: Props) {
  const { lng, id } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const found = await documentFor(id, "project.read");
  if (!found) notFound();
  const { document, access } = found;
  const t = getT(lng);
  const db = getDb();
  const [files, bin] = await Promise.all([listFiles(db, id), listBin(db, actor, id)]);
  const mayUpdate = !access.archived && roleAllows(access.role, "document.manage", access.policy);
  const mayRestore = !access.archived && roleAllows(access.role, "source.edit", access.policy);
  return (
    <>
      <p>
        <Link href={`/${lng}/documents/${id}`}>← {document.title}</Link>
      </p>
      <h1>
        {t("source.title")}: {document.title}
      </h1>
      {access.archived && (
        <p className="notice" role="status">
          {t("projects.archivedNotice")}
        </p>
      )}
      {mayUpdate && (
        <section className="card" aria-labelledby="update-heading">
          <h2 id="update-heading">{t("source.update")}</h2>
          <p className="muted">{t("source.intro")}</p>
          <SourceUpdateForm
            lng={lng}
            documentId={id}
            accept={acceptedExtensions.join(",")}
            maxMb={megabytes(maxUploadBytes())}
          />
        </section>
      )}
      <section className="card" aria-labelledby="files-heading">
        <h2 id="files-heading">{t("source.files")}</h2>
        {files.length === 0 ? (
          <p className="muted">{t("documents.noOriginal")}</p>
        ) : (
          <>
            <p>
              <a href={`/api/v1/documents/${id}/original`} download>
                {t("documents.downloadOriginal")}
              </a>
            </p>
            <table className="list phone-cards">
              <thead>
                <tr>
                  <th>{t("source.fileName")}</th>
                  <th className="num">{t("source.size")}</th>
                  <th>{t("source.uploaded")}</th>
                </tr>
              </thead>
              <tbody>
                {files.map((f) => (
                  <tr key={f.id}>
                    <td data-label={t("source.fileName")}>{f.fileName}</td>
                    <td className="num" data-label={t("source.size")}>
                      {(f.size / 1024).toLocaleString(lng, { maximumFractionDigits: 1 })} KB
                    </td>
                    <td data-label={t("source.uploaded")}>
                      {f.createdAt.toLocaleString(lng)}
                      {f.uploadedBy && ` · ${f.uploadedBy.name}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="bin-heading">
        <h2 id="bin-heading">{t("source.bin")}</h2>
        {bin.length === 0 ? (
          <p className="muted">{t("source.binEmpty")}</p>
        ) : (
          <table className="list phone-cards">
            <thead>
              <tr>
                <th className="num">{t("source.wasAt")}</th>
                <th>{t("source.paragraph")}</th>
                <th>{t("document.translation")}</th>
                <th>{t("source.removedWhy")}</th>
                {mayRestore && <th>{t("documents.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {bin.map((p) => (
                <tr key={p.segmentId}>
                  <td className="num" data-label={t("source.wasAt")}>
                    {p.position}
                  </td>
                  <td data-label={t("source.paragraph")} lang={document.sourceLang}>
                    {p.source}
                  </td>
                  <td data-label={t("document.translation")}>
                    {p.translations
                      .filter((tr) => tr.text)
                      .map((tr) => (
                        <p key={tr.lang} className="bin-translation">
                          <span className="lang-tag">{languageLabel(t, tr.lang, lng)}</span>{" "}
                          <span lang={tr.lang}>{tr.text}</span>
                        </p>
                      ))}
                  </td>
                  <td data-label={t("source.removedWhy")}>
                    {t(`source.reason.${p.reason}`)} · {p.trashedAt.toLocaleDateString(lng)}
                  </td>
                  {mayRestore && (
                    <td data-label={t("documents.actions")}>
                      <ActionButton
                        run={restoreParagraphAction.bind(null, p.segmentId)}
                        label={t("trash.restore")}
                        ariaLabel={t("source.restoreParagraphNamed", { position: p.position })}
                        className="small"
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
