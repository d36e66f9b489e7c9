import type { Metadata } from "next";
import { EngineTabs } from "@/components/admin/engine/engine-tabs";
import { requireAdminOrNotFound } from "@/lib/auth/session";

export const metadata: Metadata = { title: { default: "Engine", template: "%s · Engine · Admin · Spawner" } };

// The whole Docker Engine, not only this app's workloads: what Portainer-like tools show, with the platform's own
// parts protected. Admins only (404 for anyone else); every page checks again itself.
export default async function EngineLayout({ children }: { children: React.ReactNode }) {
  await requireAdminOrNotFound("/admin/engine");
  return (
    <div className="flex flex-col gap-4">
      <EngineTabs />
      {children}
    </div>
  );
}
