// The engine pages' calls from the browser: the versioned admin API with the session's cookie (the same routes a
// script uses), answered as an Outcome like a server action's (components/workspaces/reach.ts), the API's own error.
import type { Outcome } from "@/components/workspaces/reach";
import type { ErrorBody } from "@/lib/errors";

export async function engineRequest<T>(method: string, path: string, body?: unknown): Promise<Outcome<T>> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: data as T };
  const error = (data as Partial<ErrorBody> | null)?.error;
  return {
    ok: false,
    error: {
      code: error?.code ?? "INTERNAL",
      message: error?.message ?? `The engine call failed (${response.status}).`,
      fields: error?.fields,
      details: error?.details,
    },
  };
}
