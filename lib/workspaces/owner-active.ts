// Nothing of a disabled account starts (its workspaces stay stopped until an administrator enables it again).
import { accountDisabled, isActive } from "@/lib/auth/account-status";

/**
 * The owner as the workspace record just read carries it (workspace-store's include): a launch reads the record
 * inside its single flight, so a disabling that happened before it counts — and no launch pays a query of its own.
 */
export function assertOwnerActive(owner: { disabledAt: Date | null }): void {
  if (!isActive(owner)) throw accountDisabled();
}
