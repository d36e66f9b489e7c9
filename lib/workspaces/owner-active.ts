// Nothing of a disabled account starts (its workspaces stay stopped until an administrator enables it again).
import "server-only";
import { accountDisabled, isActive } from "@/lib/auth/account-status";
import { getDb } from "@/lib/db";

/** Read from the row at the moment of starting: a disabling that just happened counts. */
export async function assertOwnerActive(ownerId: string): Promise<void> {
  const owner = await getDb().user.findUnique({ where: { id: ownerId }, select: { disabledAt: true } });
  if (!isActive(owner)) throw accountDisabled();
}
