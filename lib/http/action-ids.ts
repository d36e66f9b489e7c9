// The server actions this build has, read once from Next's own manifest, so a request naming any other id gets our
// JSON answer instead of Next's plain-text 400/409. Outside a production build (next dev rebuilds actions as files
// change) or when the manifest can't be read, only the id's shape is checked and Next answers unknown ids itself.
import { readFileSync } from "node:fs";
import path from "node:path";

// Next's action ids are hex digests (42 characters today); anything else is not an id at all.
const ACTION_ID = /^[0-9a-f]{8,128}$/;

let known: ReadonlySet<string> | null | undefined;

function knownIds(): ReadonlySet<string> | null {
  if (known !== undefined) return known;
  known = null;
  if (process.env.NODE_ENV !== "production") return known;
  try {
    // The standalone server runs from its own folder; `next start` from the project: both hold .next/server.
    const file = path.join(process.cwd(), ".next/server/server-reference-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { node?: Record<string, unknown> };
    known = new Set(Object.keys(manifest.node ?? {}));
  } catch {
    known = null;
  }
  return known;
}

export type ActionIdCheck = "ok" | "malformed" | "unknown";

export function checkActionId(id: string): ActionIdCheck {
  if (!ACTION_ID.test(id)) return "malformed";
  const ids = knownIds();
  return ids && !ids.has(id) ? "unknown" : "ok";
}
