// The engine pages never put this app's own labels on what an admin makes: a volume or network made there must not
// pass for a workspace's data or workload.
import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export function refuseOwnLabels(labels: Record<string, string>): void {
  const prefix = `${getEnv().LABEL_PREFIX}.`;
  const ours = Object.keys(labels).filter((key) => key.startsWith(prefix));
  if (ours.length === 0) return;
  const message = `Labels starting with ${prefix} are this app's own: ${ours.join(", ")}.`;
  throw new AppError("VALIDATION_FAILED", message, { fields: { labels: [message] } });
}
