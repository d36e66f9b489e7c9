// A workspace being launched refuses stop and delete (CONFLICT) rather than pull the engine from under the
// launch. An admin's account-wide verb waits for that launch to end instead, then does its work.
import { AppError } from "@/lib/errors";
import { isInFlight, launchKey } from "@/lib/workspaces/in-flight";

const POLL_MS = 100;
const MAX_WAIT_MS = 120_000;

export async function afterAnyLaunch<T>(
  workspace: { ownerId: string; name: string },
  work: () => Promise<T>,
): Promise<T> {
  const key = launchKey(workspace.ownerId, workspace.name);
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError && error.code === "CONFLICT" && isInFlight(key))) throw error;
  }
  // Bounded: a launch ends within its readiness timeout; one that hangs longer makes this verb fail visibly.
  for (const deadline = Date.now() + MAX_WAIT_MS; isInFlight(key) && Date.now() < deadline; )
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  return work();
}
