"use server";

import { signOut } from "@/lib/auth/auth";

// Server action: ends the session (Next.js checks the Origin of server actions) and returns to /login.
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
