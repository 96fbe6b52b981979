// Import a file into a project: a new document (owners), or new translations for one of its
// documents (anyone who may edit translations: a translator brings back a file from a CAT tool).
import { RefusalCard } from "@/app/_components/refusal-card";
import { projectPage } from "@/app/_lib/project-page";
import { mayImport, roleAllows } from "@/lib/auth/permissions";
import { documentOrder } from "@/lib/documents/manage";
import { openDocument } from "@/lib/documents/visibility";
import { acceptedExtensions } from "@/lib/exchange/import/detect";
import { maxUploadBytes, megabytes } from "@/lib/exchange/import/limits";
import { ImportForm } from "./import-form";

export const dynamic = "force-dynamic";

export default async function ImportPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng: raw, id } = await params;
  const { lng, db, access, t } = await projectPage(raw, id);
  const mayCreate = roleAllows(access.role, "document.create", access.policy);
  const mayUpdate = roleAllows(access.role, "translation.edit", access.policy);
  if (access.archived) return <RefusalCard message={t("errors.read_only")} />;
  if (!mayImport(access.role, access.policy)) return <RefusalCard message={t("errors.forbidden")} />;
  const project = await db.project.findUniqueOrThrow({
    where: { id },
    select: {
      name: true,
      documents: { where: openDocument, orderBy: [...documentOrder], select: { id: true, title: true } },
    },
  });
  return (
    <>
      <h1>{t("import.title")}</h1>
      <p className="muted">{project.name}</p>
      <section className="card">
        <p>{t("import.intro")}</p>
        <ImportForm
          lng={lng}
          projectId={id}
          documents={project.documents}
          mayCreate={mayCreate}
          mayUpdate={mayUpdate}
          maxMb={megabytes(maxUploadBytes())}
          accept={acceptedExtensions.join(",")}
        />
      </section>
    </>
  );
}
