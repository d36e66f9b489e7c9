// Admin use case: every template, enabled or not, with its facts (image present, use, outdated workspaces).
import "server-only";
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";
import { viewOfTemplate } from "@/lib/admin/find-admin-template";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/authorize";
import { adminNotFound } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ensureSeededTemplates } from "@/lib/templates/template-store";

export async function listAdminTemplates({ actor }: { actor: Actor }): Promise<AdminTemplateView[]> {
  if (!isAdmin(actor)) throw adminNotFound();
  await ensureSeededTemplates();
  const rows = await getDb().template.findMany({ orderBy: { name: "asc" } });
  return Promise.all(rows.map(viewOfTemplate));
}
