// Calls a server action and always gets an outcome: one that could not even be reached (offline, the server
// restarting) reads as a failure too, so no button stays spinning.
import type { ErrorBody } from "@/lib/errors";

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: ErrorBody["error"] };

export async function reach<T>(call: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await call();
  } catch {
    return {
      ok: false,
      error: {
        code: "INTERNAL",
        message: "The server could not be reached. Check your connection and try again.",
      },
    };
  }
}
