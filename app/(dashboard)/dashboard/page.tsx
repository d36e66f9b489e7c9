import type { Metadata } from "next";
import { requireUserOrRedirect } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  // Layouts don't re-run on every navigation, so the page checks identity itself too.
  const user = await requireUserOrRedirect("/dashboard");
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-2xl font-semibold tracking-tight">Your containers</h1>
      <p className="text-muted-foreground" data-testid="welcome">
        Signed in as {user.email} ({user.slug}).
      </p>
    </div>
  );
}
