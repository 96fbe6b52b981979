import type { ReactNode } from "react";
import { requireSignedIn } from "@/app/_lib/session";
import { isLng } from "@/lib/i18n/settings";

/** Everything in this group is behind sign-in. */
export default async function SignedInLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ lng: string }>;
}) {
  const { lng } = await params;
  if (isLng(lng)) await requireSignedIn(lng);
  return children;
}
