// Single-use codes of the workspace sign-in handshake: issued by the app for one host, exchanged on that host within
// WORKSPACE_CODE_SECONDS (60 s at most), once. In this process's memory (on globalThis: route handlers and the fast path load separate copies).
import { randomBytes } from "node:crypto";

export type HandshakeCode = {
  host: string;
  userId: string;
  workspaceId: string;
  sessionRef: string;
  expiresAt: number;
};

/** Codes waiting at once: a signed-in user asking for codes in a loop must not grow memory without end. */
export const MAX_CODES = 10_000;

const store = globalThis as unknown as { spawnerHandshakeCodes?: Map<string, HandshakeCode> };
store.spawnerHandshakeCodes ??= new Map();
const codes = store.spawnerHandshakeCodes;

// Oldest first (a Map keeps insertion order, and every code lives as long as the others): stop at the first that is
// still fresh, so issuing stays cheap however many wait; over the cap, the oldest give way.
function sweep(now: number): void {
  for (const [code, entry] of codes) {
    if (entry.expiresAt > now && codes.size < MAX_CODES) break;
    codes.delete(code);
  }
}

export function issueCode(
  entry: Omit<HandshakeCode, "expiresAt">,
  lifetimeMs: number,
  now = Date.now(),
): string {
  sweep(now);
  const code = randomBytes(32).toString("base64url");
  codes.set(code, { ...entry, expiresAt: now + Math.min(lifetimeMs, 60_000) });
  return code;
}

/** The code's grant when it is fresh and for this host; spent either way (a code is tried once). */
export function consumeCode(code: string | null, host: string, now = Date.now()): HandshakeCode | null {
  if (!code || code.length > 100) return null;
  const entry = codes.get(code);
  codes.delete(code);
  if (!entry || entry.expiresAt <= now || entry.host !== host) return null;
  return entry;
}

/** Codes waiting now (for tests). */
export function pendingCodes(): number {
  return codes.size;
}
