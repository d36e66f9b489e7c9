// The owner's workspace quota, checked inside the transaction that just wrote a new workspace: the insert holds
// SQLite's write lock, so parallel creations count one after another and never pass the quota together.
import "server-only";
import type { Prisma } from "@prisma/client";
import { effectiveDefaults } from "@/lib/defaults/defaults-store";
import { createRefusal, quotaExceeded, quotaOf } from "@/lib/resources/quota";

export async function assertWorkspaceQuota(tx: Prisma.TransactionClient, ownerId: string): Promise<void> {
  const [owner, count, defaults] = await Promise.all([
    tx.user.findUnique({
      where: { id: ownerId },
      select: { quotaWorkspaces: true, quotaRunning: true, quotaMemoryMb: true, quotaCpus: true },
    }),
    tx.workspace.count({ where: { ownerId } }),
    effectiveDefaults(),
  ]);
  if (!owner) return;
  // The one just written is in the count: were there room for it before?
  const refused = createRefusal(quotaOf(owner, defaults), count - 1);
  if (refused) throw quotaExceeded(refused);
}
