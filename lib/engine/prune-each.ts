// The prunes' loop: each unused object removed in turn, never the engine's own prune (it knows nothing of templates,
// workspaces or stacks). Gone meanwhile is what was wanted; any other refusal is kept, in the engine's words.
import "server-only";
import { AppError } from "@/lib/errors";

export type PruneOutcome<T> = { removed: T[]; failed: { item: T; message: string }[] };

export async function pruneEach<T>(
  candidates: readonly T[],
  remove: (item: T) => Promise<unknown>,
): Promise<PruneOutcome<T>> {
  const outcome: PruneOutcome<T> = { removed: [], failed: [] };
  for (const item of candidates) {
    try {
      await remove(item);
      outcome.removed.push(item);
    } catch (error) {
      if (error instanceof AppError && error.code === "ENGINE_OBJECT_NOT_FOUND") continue;
      outcome.failed.push({ item, message: error instanceof AppError ? error.message : "not removed" });
    }
  }
  return outcome;
}
