// Home: invitations waiting for an answer, then the projects the person belongs to, most recently
// active first, with a search; archived ones folded away at the end.
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSignedIn } from "@/app/_lib/session";
import { getDb } from "@/lib/db/client";
import { listProjects } from "@/lib/documents/queries";
import { getT } from "@/lib/i18n/server";
import { isLng } from "@/lib/i18n/settings";
import { mayCreateProjects } from "@/lib/projects/create-project";
import { listInvitationsFor } from "@/lib/projects/invitations";
import { listTrashedProjects } from "@/lib/projects/trash";
import { Invitations } from "./invitations";
import { ProjectCard } from "./project-card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lng: string }>; searchParams: Promise<{ q?: string }> };

export default async function HomePage({ params, searchParams }: Props) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const t = getT(lng);
  const actor = await requireSignedIn(lng);
  const db = getDb();
  const search = String((await searchParams).q ?? "").slice(0, 200);
  const [projects, invitations, me, mayCreate, trashed] = await Promise.all([
    listProjects(db, actor.userId, search),
    listInvitationsFor(db, actor),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { emailVerified: true } }),
    mayCreateProjects(db, actor.userId),
    listTrashedProjects(db, actor),
  ]);
  const active = projects.filter((p) => !p.archived);
  const archived = projects.filter((p) => p.archived);
  return (
    <>
      <div className="page-head">
        <h1>{t("home.title")}</h1>
        <span className="spacer" />
        {trashed.length > 0 && <Link href={`/${lng}/trash`}>{t("trash.link", { count: trashed.length })}</Link>}
        {mayCreate && (
          <Link className="button primary" href={`/${lng}/projects/new`}>
            {t("projects.new")}
          </Link>
        )}
      </div>
      {invitations.length > 0 && (
        <Invitations
          confirmed={me.emailVerified}
          items={invitations.map((i) => ({
            id: i.id,
            project: i.project.name,
            role: i.role,
            invitedBy: i.invitedBy?.name ?? null,
            expires: i.expiresAt.toLocaleDateString(lng),
          }))}
        />
      )}
      {(projects.length > 0 || search) && (
        <form role="search" className="inline-form search-form" action={`/${lng}`}>
          <label>
            {t("projects.search")}
            <input type="search" name="q" defaultValue={search} />
          </label>
          <button type="submit">{t("projects.searchButton")}</button>
          {search && <Link href={`/${lng}`}>{t("projects.clearSearch")}</Link>}
        </form>
      )}
      {projects.length === 0 && invitations.length === 0 && !search && <p className="muted">{t("home.empty")}</p>}
      {projects.length === 0 && search && <p className="muted">{t("projects.noMatch", { search })}</p>}
      {active.map((project) => (
        <ProjectCard key={project.id} project={project} lng={lng} />
      ))}
      {archived.length > 0 && (
        <details className="archived-projects">
          <summary>{t("projects.archivedList", { count: archived.length })}</summary>
          {archived.map((project) => (
            <ProjectCard key={project.id} project={project} lng={lng} />
          ))}
        </details>
      )}
    </>
  );
}
