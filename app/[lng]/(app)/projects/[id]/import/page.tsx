// Import a file into a project: a new document (owners), or new translations for one of its
// documents (anyone who may edit translations: a translator brings back a file from a CAT tool).
import { notFound } from "next/navigation";
import { requireSignedIn } from "@/app/_lib/session";
import { projectAccess } from "@/lib/auth/access";
import { mayImport, roleAllows } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { documentOrder } from "@/lib/documents/manage";
import { openDocument } from "@/lib/documents/visibility";
import { acceptedExtensions } from "@/lib/exchange/import/detect";
import { maxUploadBytes, megabytes } from "@/lib/exchange/import/limits";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { ImportForm } from "./import-form";

export const dynamic = "force-dynamic";

export default async function ImportPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  if (!isLng(lng)) notFound();
  const actor = await requireSignedIn(lng);
  const db = getDb();
  const access = await projectAccess(db, actor, id);
  if (!access) notFound();
  const t = getT(lng);
  const mayCreate = roleAllows(access.role, "document.create", access.policy);
  const mayUpdate = roleAllows(access.role, "translation.edit", access.policy);
  if (access.archived) {
    return (
      <section className="card" role="alert">
        <p>{t("errors.read_only")}</p>
      </section>
    );
  }
  if (!mayImport(access.role, access.policy)) {
    return (
      <section className="card" role="alert">
        <p>{t("errors.forbidden")}</p>
      </section>
    );
  }
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
