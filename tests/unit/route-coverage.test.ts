// Every route handler and server action checks who is calling; a new one without a check fails here. Each export
// is judged by itself from the parsed module: a wrapped handler next to an unwrapped one does not cover for it.
import { describe, expect, it } from "vitest";
import {
  actionFiles,
  exportedBindings,
  exportedMethods,
  firstCallOf,
  routeFiles,
  wrapperOf,
} from "../support/app-routes";

const handlers = routeFiles();
const actions = actionFiles();

// Public on purpose, each for a stated reason; anything else must go through an identity-checking wrapper.
const PUBLIC: Record<string, string> = {
  "app/api/health/route.ts": "liveness for Docker and load balancers; reveals only up/down",
  "app/api/v1/health/route.ts": "the API's health: up/down and the version; rate-limited per address",
  "app/api/forward-auth/route.ts": "Traefik's question; answers 401/403 itself from the session",
  "app/api/workspace-auth/start/route.ts":
    "the workspace sign-in handshake: signs people in first, then checks access",
  "app/api/auth/magic-link/route.ts": "signing in is what people without a session do; rate-limited",
  "app/api/auth/[...nextauth]/route.ts": "Auth.js endpoints; email sign-in POST closed, callback POST only",
  "app/api/[[...path]]/route.ts": "JSON 404 for unknown API paths",
  "app/api/containers/route.ts": "JSON 404 for the bare folder path",
  "app/api/v1/openapi.json/route.ts": "the API's description, public like the reference page; rate-limited",
};
// Wrappers that establish identity before the handler body runs (401 without it). withScraper: the metrics scrape,
// by METRICS_TOKEN or an admin's API token.
const IDENTITY_WRAPPERS = new Set(["withUser", "withAdmin", "withScraper"]);
// The admin API answers anyone but an admin 404: its handlers must be made by withAdmin, not only withUser.
const ADMIN_API = "app/api/v1/admin/";
// Actions that do nothing but end the caller's own session.
const SIGN_OUT_ONLY: Record<string, string> = { signOutAction: "ends only the caller's own session" };

describe("route coverage", () => {
  it("finds the handlers and actions it checks", () => {
    expect(handlers.length).toBeGreaterThanOrEqual(12);
    expect(actions.length).toBeGreaterThanOrEqual(3);
  });

  it("judges each export by itself: an unchecked one beside a checked one is caught", () => {
    const route = exportedBindings("tests/fixtures/routes/mixed-route.ts");
    expect(route.map((binding) => [binding.name, wrapperOf(binding)])).toEqual([
      ["GET", "withUser"],
      ["POST", null],
    ]);
    const actionFile = "tests/fixtures/routes/mixed-actions.ts";
    expect(actionFiles("tests/fixtures/routes")).toEqual([actionFile]);
    expect(exportedBindings(actionFile).map((binding) => [binding.name, firstCallOf(binding)])).toEqual([
      ["checkedAction", "return userAction"],
      ["uncheckedAction", "doWork"],
    ]);
  });

  it.each(handlers)("%s checks identity in every method (or is public on purpose)", (file) => {
    const methods = exportedMethods(file);
    expect(methods.length).toBeGreaterThan(0);
    if (PUBLIC[file]) return;
    for (const binding of exportedBindings(file).filter((b) => methods.includes(b.name))) {
      if (file.startsWith(ADMIN_API)) {
        expect(wrapperOf(binding), `${file} ${binding.name} must be made by withAdmin(…)`).toBe("withAdmin");
        continue;
      }
      expect(wrapperOf(binding), `${file} ${binding.name} must be made by withUser(…)`).toSatisfy(
        (wrapper: string | null) => wrapper !== null && IDENTITY_WRAPPERS.has(wrapper),
      );
    }
  });

  it.each(actions)(
    "%s starts every exported action with `return userAction(` (admin: `return adminAction(`; or only signs out)",
    (file) => {
      const exported = exportedBindings(file);
      expect(exported.length).toBeGreaterThan(0);
      for (const binding of exported) {
        const expected = SIGN_OUT_ONLY[binding.name]
          ? "signOut"
          : file.startsWith("app/admin/")
            ? "return adminAction"
            : "return userAction";
        expect(binding.opaque, `${file} ${binding.name} must be a plain exported function`).toBeFalsy();
        expect(firstCallOf(binding), `${file} ${binding.name}`).toBe(expected);
      }
    },
  );
});
