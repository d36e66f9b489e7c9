// Readiness: an app answers HTTP on its port (any status counts), or — for an app with a health path — answers that
// path with a 2xx, within the configured time.
import { AppError } from "@/lib/errors";

// Connection refused answers in well under a millisecond, so a short interval costs little and saves latency.
const PROBE_INTERVAL_MS = 5;

export async function waitUntilReady({
  url,
  timeoutMs,
  label,
  healthy = false,
}: {
  url: string;
  timeoutMs: number;
  label: string;
  /** Only a 2xx counts (a health path), not any answer. */
  healthy?: boolean;
}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(url, healthy, Math.min(2000, Math.max(deadline - Date.now(), 1)))) return;
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
  }
  throw new AppError(
    "CONTAINER_NOT_READY",
    `Your ${label} workspace started but ${healthy ? "its app's health check did not pass" : "its app did not answer"} within ${Math.round(timeoutMs / 1000)} s. Check its logs.`,
  );
}

/** One look: the app answers (with a 2xx where `healthy`) within `timeoutMs`. Not listening yet or too slow: false. */
export async function answers(url: string, healthy: boolean, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return !healthy || (response.status >= 200 && response.status < 300);
  } catch {
    return false;
  }
}
