import "server-only";
import { headers } from "next/headers";
import type { Lng } from "@/lib/i18n/settings";

/** The client's address as seen by the first proxy (or Next itself). Used only to count failures. */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}

/** Where to go after signing in: only a path on this site (never //evil.example or https://…). */
export function safeNext(value: FormDataEntryValue | string | null | undefined, lng: Lng): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : `/${lng}`;
}
