// API rate limits with the default settings, on a server of their own: 100 requests a minute per token, 60 per
// address without one. 150 requests → 100 answered, then 429 with Retry-After and the RateLimit fields; once the
// Retry-After has passed, the next request goes through. A client naming other addresses in X-Forwarded-For gains
// nothing when no proxy is trusted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { tokenFor } from "../support/tokens";
import { uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
let app: AppServer;

beforeAll(async () => {
  // Empty is unset: the defaults apply (the shared test settings raise the per-address limit).
  // No proxy in front (TRUSTED_PROXY_HOPS=0): the address is the peer's, whatever X-Forwarded-For claims.
  app = await startAppServer({
    ...testSettings,
    API_RATE_LIMIT: "",
    API_RATE_LIMIT_ANONYMOUS: "",
    TRUSTED_PROXY_HOPS: "0",
  });
});
afterAll(async () => {
  await app?.stop();
});

/** `count` requests, 10 at a time; their statuses and headers in the order they were sent. */
async function burst(count: number, send: () => Promise<Response>) {
  const answers: { status: number; headers: Headers }[] = [];
  for (let sent = 0; sent < count; sent += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, count - sent) }, send));
    for (const response of batch) {
      await response.body?.cancel();
      answers.push({ status: response.status, headers: response.headers });
    }
  }
  return answers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("API rate limits", () => {
  it("answers a token 100 times a minute, then 429 with Retry-After, and lets it through again once waited", {
    timeout: 150_000,
  }, async () => {
    const user = await userWithSession(db, uniqueEmail("limited"));
    const { bearer } = await tokenFor(db, user, ["workspaces:read"]);
    const other = await tokenFor(db, user, ["workspaces:read"]);
    const list = (headers: Record<string, string>) => fetch(`${app.url}/api/v1/workspaces`, { headers });
    // Each names another address of its own: no way out of the per-address budget without a proxy we trust.
    let claimed = 0;
    const anonymous = () => {
      claimed += 1;
      return fetch(`${app.url}/api/v1/health`, {
        headers: { "x-forwarded-for": `198.51.100.${claimed % 250}` },
      });
    };

    const byToken = await burst(150, () => list(bearer));
    const byAddress = await burst(80, anonymous);

    expect(byToken.filter((answer) => answer.status === 200)).toHaveLength(100);
    expect(byToken.filter((answer) => answer.status === 429)).toHaveLength(50);
    const first = byToken[0]?.headers;
    expect(first?.get("ratelimit-policy")).toBe('"token";q=100;w=60');
    expect(first?.get("ratelimit")).toMatch(/^"token";r=9\d;t=\d+$/);
    const refused = byToken.find((answer) => answer.status === 429)?.headers;
    const retryAfter = Number(refused?.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused?.get("ratelimit")).toBe(`"token";r=0;t=${retryAfter}`);
    // Another token of the same owner has its own budget.
    expect((await list(other.bearer)).status).toBe(200);

    expect(byAddress.filter((answer) => answer.status === 200)).toHaveLength(60);
    expect(byAddress.slice(60).every((answer) => answer.status === 429)).toBe(true);
    expect(byAddress[0]?.headers.get("ratelimit-policy")).toBe('"anonymous";q=60;w=60');
    const anonymousRetry = Number(byAddress[79]?.headers.get("retry-after"));

    // Still refused just before the Retry-After is up …
    const refusedBody = await (await list(bearer)).json();
    expect(refusedBody.error.code).toBe("RATE_LIMITED");
    // … and let through once it has passed.
    await sleep(Math.max(retryAfter, anonymousRetry) * 1000 + 500);
    expect((await list(bearer)).status).toBe(200);
    expect((await anonymous()).status).toBe(200);
  });
});
