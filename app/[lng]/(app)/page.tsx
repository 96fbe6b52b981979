// Home: the projects and their documents.
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSignedIn } from "@/app/_lib/session";
import { getDb } from "@/lib/db/client";
import { listProjects } from "@/lib/documents/queries";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";

export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const t = getT(lng);
  const actor = await requireSignedIn(lng);
  const projects = await listProjects(getDb(), actor.userId);
  return (
    <>
      <h1>{t("home.title")}</h1>
      {projects.length === 0 && <p className="muted">{t("home.empty")}</p>}
      {projects.map((project) => (
        <section key={project.id} className="card" aria-labelledby={`project-${project.id}`}>
          <div className="card-head">
            <h2 id={`project-${project.id}`}>{project.name}</h2>
            <span className="role-badge">{t(`role.${project.role}`)}</span>
            <span className="spacer" />
            {project.role === "owner" && (
              <Link href={`/${lng}/projects/${project.id}/members`}>{t("nav.members")}</Link>
            )}
          </div>
          <p className="muted">
            {t("home.languages")}:{" "}
            {t("home.sourceToTargets", {
              source: t(`lang.${project.sourceLang}`),
              targets: project.targetLangs.map((l) => t(`lang.${l}`)).join(", "),
            })}
          </p>
          {project.documents.length === 0 ? (
            <p className="muted">{t("home.noDocuments")}</p>
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th>{t("home.document")}</th>
                  <th className="num">{t("home.paragraphs")}</th>
                  <th className="num">{t("home.words")}</th>
                </tr>
              </thead>
              <tbody>
                {project.documents.map((doc) => (
                  <tr key={doc.id}>
                    <td>
                      <Link href={`/${lng}/documents/${doc.id}`}>{doc.title}</Link>
                    </td>
                    <td className="num">{doc.paragraphs}</td>
                    <td className="num">{doc.words}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
