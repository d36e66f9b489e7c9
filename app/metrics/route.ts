import { withScraper } from "@/lib/http/route";
import { readMetrics } from "@/lib/metrics/read-metrics";

// GET /metrics — Prometheus' scrape (text format 0.0.4): with Bearer METRICS_TOKEN or an admin's API token.
export const GET = withScraper(async () => {
  const { contentType, body } = await readMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
