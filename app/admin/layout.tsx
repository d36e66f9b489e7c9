import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppHeader } from "@/components/layout/app-header";
import { requireAdminOrNotFound } from "@/lib/auth/session";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Spawner" } };

// Admins only: the sign-in page without a session, the not-found page for everyone else. Every admin page checks
// again itself (layouts don't re-run on every navigation).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdminOrNotFound("/admin");
  return (
    <div className="min-h-dvh bg-muted/40">
      <AppHeader user={user} wide />
      <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-8">
        <AdminNav />
        {children}
      </main>
    </div>
  );
}
