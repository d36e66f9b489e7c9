// Admin use case: every template, enabled or not, with its facts (image present, use, outdated workspaces).
import "server-only";
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { viewOfTemplate } from "@/lib/admin/find-admin-template";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { ensureSeededTemplates } from "@/lib/templates/template-store";

export async function listAdminTemplates({ actor }: { actor: Actor }): Promise<AdminTemplateView[]> {
  assertAdmin(actor);
  await ensureSeededTemplates();
  const rows = await getDb().template.findMany({ orderBy: { name: "asc" } });
  return Promise.all(rows.map(viewOfTemplate));
}
