import { checkHealth } from "@/lib/health/check-health";
import { json } from "@/lib/http/respond";
import { withPublic } from "@/lib/http/route";

// GET /api/health — liveness for Docker's HEALTHCHECK and load balancers; 503 when a dependency is down.
export const GET = withPublic(async () => {
  const health = await checkHealth();
  return json(health, health.status === "ok" ? 200 : 503);
});
