// The engine pages' calls from the browser: the versioned admin API with the session's cookie (the same routes a
// script uses), answered as data or as the API's own error message.

export type EngineAnswer<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; fields?: Record<string, string[]> };

export async function engineRequest<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<EngineAnswer<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: data as T };
    const error = data?.error as { message?: string; fields?: Record<string, string[]> } | undefined;
    return {
      ok: false,
      message: error?.message ?? `The engine call failed (${response.status}).`,
      fields: error?.fields,
    };
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
}
