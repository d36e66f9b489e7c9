// What forward-auth answers, as plain data: the fast path writes it to the socket, the route handler to a Response.
export type ForwardAuthAnswer = { status: number; headers: Record<string, string>; body: string };

/** A JSON answer: `{ ok: true }` for 200, else `{ error: { code, message } }`. */
export function answer(
  status: number,
  code = "",
  message = "",
  headers: Record<string, string> = {},
): ForwardAuthAnswer {
  return {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
    body: JSON.stringify(status === 200 ? { ok: true } : { error: { code, message } }),
  };
}

export function redirect(location: string, headers: Record<string, string> = {}): ForwardAuthAnswer {
  return { status: 302, headers: { location, "cache-control": "no-store", ...headers }, body: "" };
}
