import { checkHealth } from "@/lib/health/check-health";
import { json } from "@/lib/http/respond";
import { withPublic } from "@/lib/http/route";
import { APP_VERSION } from "@/lib/version";

// GET /api/v1/health — { status, checks: { database, docker }, version }; 503 when a dependency is down. Public,
// counted against the caller's address (unlike /api/health, Docker's and load balancers' liveness probe).
export const GET = withPublic(
  async () => {
    const health = await checkHealth();
    return json({ ...health, version: APP_VERSION }, health.status === "ok" ? 200 : 503);
  },
  { rateLimited: true },
);
