// The editor's calls to /api/v1 (notes, decisions, history, replace, approve all): the JSON answer,
// or the error the API gave, with a network failure reported as "internal". Saves go through the
// save queue (lib/editor/save-queue.ts), which also keeps them while offline.
import type { ActionError, ActionResult } from "@/app/_lib/run-action";

export async function callApi<T>(url: string, method = "GET", body?: unknown): Promise<ActionResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: json as T };
    return { ok: false, error: (json?.error as ActionError | undefined) ?? { code: "internal" } };
  } catch {
    return { ok: false, error: { code: "internal" } };
  }
}
