// Every route handler and server action checks who is calling; a new one without a check fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportedMethods, filesUnder, routeFiles } from "../support/app-routes";

const appFiles = filesUnder("app").filter((file) => /\.(ts|tsx)$/.test(file));
const handlers = routeFiles();
const actions = appFiles.filter((file) => /^\s*["']use server["']/m.test(readFileSync(file, "utf8")));

// Public on purpose, each for a stated reason; anything else must go through withUser / userAction.
const PUBLIC: Record<string, string> = {
  "app/api/health/route.ts": "liveness for Docker and load balancers; reveals only up/down",
  "app/api/forward-auth/route.ts": "Traefik's question; answers 401/403 itself from the session",
  "app/api/auth/magic-link/route.ts": "signing in is what people without a session do; rate-limited",
  "app/api/auth/[...nextauth]/route.ts": "Auth.js endpoints; email sign-in POST closed, callback POST only",
  "app/api/[[...path]]/route.ts": "JSON 404 for unknown API paths",
  "app/api/containers/route.ts": "JSON 404 for the bare folder path",
};

describe("route coverage", () => {
  it("finds the handlers and actions it checks", () => {
    expect(handlers.length).toBeGreaterThanOrEqual(12);
    expect(actions.length).toBeGreaterThanOrEqual(3);
  });

  it.each(handlers)("%s checks identity in every method (or is public on purpose)", (file) => {
    const source = readFileSync(file, "utf8");
    const methods = exportedMethods(file);
    expect(methods.length).toBeGreaterThan(0);
    if (PUBLIC[file]) return;
    for (const method of methods) {
      expect(source, `${file} ${method}`).toMatch(new RegExp(`export const ${method} = withUser\\(`));
    }
  });

  it.each(actions)("%s runs every exported action through userAction (or only signs out)", (file) => {
    const source = readFileSync(file, "utf8");
    const exported = [...source.matchAll(/export async function (\w+)/g)].map((match) => match[1]);
    expect(exported.length).toBeGreaterThan(0);
    for (const name of exported) {
      const body = source.slice(source.indexOf(`function ${name}`));
      expect(body, `${file} ${name}`).toMatch(/return userAction\(|await signOut\(/);
    }
  });
});
