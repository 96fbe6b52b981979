import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { type ReactNode, Suspense } from "react";
import { InboxLink } from "@/app/_components/inbox-link";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { TopBarMenu } from "@/app/_components/top-bar-menu";
import { currentActor } from "@/app/_lib/session";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { LanguageSwitcher } from "@/app/i18n/language-switcher";
import { getDb } from "@/lib/db/client";
import { resources } from "@/lib/i18n/resources";
import { getT } from "@/lib/i18n/server";
import { isLng, languages } from "@/lib/i18n/settings";
import { unreadCount } from "@/lib/notes/inbox";
import "../globals.css";

export function generateStaticParams() {
  return languages.map((lng) => ({ lng }));
}

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  const { lng } = await params;
  if (!isLng(lng)) return {};
  const t = getT(lng);
  return { title: { default: t("app.name"), template: `%s · ${t("app.name")}` }, description: t("app.tagline") };
}

export default async function RootLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ lng: string }>;
}) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  const t = getT(lng);
  const actor = await currentActor();
  const unread = actor ? await unreadCount(getDb(), actor.userId) : 0;
  return (
    <html lang={lng}>
      <body>
        <I18nProvider lng={lng} messages={resources[lng]}>
          <a className="skip" href="#content">
            {t("nav.skipToContent")}
          </a>
          <header className="topbar">
            <Link className="brand" href={`/${lng}`}>
              {t("app.name")}
              <small>{t("app.tagline")}</small>
            </Link>
            <span className="spacer" />
            <TopBarMenu label={t("nav.menu")}>
              <Suspense>
                <LanguageSwitcher current={lng} />
              </Suspense>
              {actor && (
                <nav className="user-menu" aria-label={t("nav.signedInAs", { name: actor.name })}>
                  <InboxLink lng={lng} unread={unread} />
                  {actor.isAdmin && <Link href={`/${lng}/admin/users`}>{t("admin.nav")}</Link>}
                  <Link href={`/${lng}/account`}>{actor.name}</Link>
                  <SignOutButton lng={lng} userId={actor.userId} />
                </nav>
              )}
            </TopBarMenu>
          </header>
          <main id="content">{children}</main>
        </I18nProvider>
      </body>
    </html>
  );
}
