// Shuts an account's door at once: disabled, every session gone, forward-auth's cached access dropped. Shared by
// disabling and deleting (which disables first, so nothing new starts while their things go).
import "server-only";
import { assertAdminsRemain } from "@/lib/admin/user-rules";
import { transaction } from "@/lib/db";
import { forgetUser } from "@/lib/workspace-auth/access-cache";

export async function lockOutUser(userId: string): Promise<void> {
  await transaction(async (tx) => {
    // The write first (SQLite's write lock is taken), then the count: see assertAdminsRemain.
    await tx.user.updateMany({ where: { id: userId, disabledAt: null }, data: { disabledAt: new Date() } });
    await assertAdminsRemain(tx);
    await tx.session.deleteMany({ where: { userId } });
  });
  forgetUser(userId);
}
