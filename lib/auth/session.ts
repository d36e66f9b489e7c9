// Who is calling: helpers for pages (redirect) and handlers (AppError).
import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Session } from "next-auth";
import { cache } from "react";
import { adminNotFound } from "@/lib/admin/assert-admin";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";

export type SessionUser = Session["user"];

/**
 * The signed-in user; a disabled account is signed out, even if a session row of it survived (a race). Once per
 * page render (React's cache): the layout and the page both check, and share one session lookup.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return session?.user?.id && session.user.active === true ? session.user : null;
});

/** For pages: the signed-in user, or a redirect to /login that comes back here. */
export async function requireUserOrRedirect(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For handlers and actions: the signed-in user, or 401. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return user;
}

/** For admin handlers and actions: 401 without a session, 404 for anyone but an admin. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") throw adminNotFound();
  return user;
}

/** For admin pages: the sign-in page without a session, the not-found page for anyone but an admin. */
export async function requireAdminOrNotFound(returnTo: string): Promise<SessionUser> {
  const user = await requireUserOrRedirect(returnTo);
  if (user.role !== "ADMIN") notFound();
  return user;
}
