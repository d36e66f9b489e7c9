// One template by id for the admin use cases (404 TEMPLATE_NOT_FOUND otherwise), and its admin view with its facts:
// image on the engine, workspaces using it, those made from an older version.
import "server-only";
import type { Template as TemplateRecord } from "@prisma/client";
import { type AdminTemplateView, adminTemplateView } from "@/lib/admin/admin-template-view";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/http/parse-input";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { SEEDED_NAMES } from "@/lib/templates/seeded-templates";
import { templateFromRow } from "@/lib/templates/template";

export function templateNotFound(): AppError {
  return new AppError("TEMPLATE_NOT_FOUND", "There is no such template.");
}

export async function findTemplateRow(id: string): Promise<TemplateRecord> {
  const found = await getDb().template.findUnique({ where: { id: parseId(id, templateNotFound) } });
  if (!found) throw templateNotFound();
  return found;
}

export async function viewOfTemplate(row: TemplateRecord): Promise<AdminTemplateView> {
  const db = getDb();
  const [workspaces, outdated, imagePresent] = await Promise.all([
    db.workspace.count({ where: { templateId: row.id } }),
    // Outdated once it has had a workload (image set) made from an older version.
    db.workspace.count({
      where: { templateId: row.id, image: { not: null }, templateVersion: { lt: row.version } },
    }),
    // The list still shows with the engine down: "unknown", not an error page.
    getRuntime()
      .imageExists(row.image)
      .catch(() => null),
  ]);
  return adminTemplateView(templateFromRow(row), {
    editedAt: row.editedAt,
    seeded: (SEEDED_NAMES as readonly string[]).includes(row.name),
    imagePresent,
    workspaces,
    outdated,
  });
}
