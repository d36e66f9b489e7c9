import { AppHeader } from "@/components/layout/app-header";
import { requireUserOrRedirect } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUserOrRedirect("/dashboard");
  return (
    <div className="min-h-dvh bg-muted/40">
      <AppHeader user={user} />
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </div>
  );
}
