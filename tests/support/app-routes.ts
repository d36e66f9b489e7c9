// The route handlers the app has, read from app/ the way Next.js finds them: every route.ts and its exported methods.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every route.ts under dir (default: the whole app), sorted. */
export function routeFiles(dir = "app"): string[] {
  return filesUnder(dir)
    .filter((file) => path.basename(file) === "route.ts")
    .sort();
}

/** The HTTP methods a route file exports (GET, POST, ...), sorted. */
export function exportedMethods(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/export\s+(?:const|async function|function)\s+([A-Z]+)\b/g)]
    .map((match) => match[1] as string)
    .sort();
}
