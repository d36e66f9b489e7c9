// Whether an account may act at all: the one check every way in calls (sessions in lib/auth/session.ts and the
// Auth.js callbacks, forward-auth's lookups, launches; API tokens, when they come, call it too).
import { AppError } from "@/lib/errors";

/** A disabled account (User.disabledAt set) is signed out everywhere and runs nothing. */
export function isActive(user: { disabledAt?: Date | string | null } | null | undefined): boolean {
  return !!user && !user.disabledAt;
}

export function accountDisabled(): AppError {
  return new AppError(
    "ACCOUNT_DISABLED",
    "The owner's account is disabled: its workspaces can't start until an administrator enables it.",
  );
}
