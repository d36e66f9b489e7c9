// Admin use case: change a template. The change is checked whole (merged with what the template has) and changes
// no workload: a change of what workloads are made from (image, apps, data path, volume) is a new version, and workspaces
// made from an older one show "update available" until their owner or an admin re-creates them. Its idle timeout and
// maximum lifetime are no new version: the culler reads them on its next pass, running workspaces included. Once
// edited, a seeded template no longer follows the settings.
import "server-only";
import { type AdminTemplateView, templateInputOf } from "@/lib/admin/admin-template-view";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { findTemplateRow, viewOfTemplate } from "@/lib/admin/find-admin-template";
import { assertImagePresent, templateColumns } from "@/lib/admin/template-rules";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { templateFromRow } from "@/lib/templates/template";
import { madeFromChanges } from "@/lib/templates/template-version";
import type { TemplateInput, TemplatePatch } from "@/lib/validations/template";

type Fields = Omit<TemplatePatch, "enabled" | "name">;
const FIELDS = [
  "display_name",
  "description",
  "image",
  "apps",
  "limits",
  "data_path",
  "volume",
  "idle_timeout_minutes",
  "max_lifetime_minutes",
] as const;

export async function updateTemplate({
  actor,
  templateId,
  input,
}: {
  actor: Actor;
  templateId: string;
  input: Fields & { name?: string };
}): Promise<AdminTemplateView> {
  assertAdmin(actor);
  return audited(
    actor,
    { action: "template.update", target: { type: "template", id: templateId } },
    async (draft) => {
      const row = await findTemplateRow(templateId);
      draft.target = { type: "template", id: row.id, name: row.name };
      if (input.name !== undefined && input.name !== row.name)
        throw new AppError("VALIDATION_FAILED", "A template's name can't be changed.", {
          fields: { name: ["A template's name can't be changed: workloads and slots are named after it."] },
        });
      const before = templateInputOf(templateFromRow(row));
      const after: TemplateInput = { ...before };
      for (const key of FIELDS) if (input[key] !== undefined) Object.assign(after, { [key]: input[key] });
      const changed = FIELDS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
      draft.details.fields = changed;
      if (changed.length === 0) return viewOfTemplate(row);
      if (changed.includes("image")) await assertImagePresent(after.image);
      const columns = templateColumns(after);
      const newVersion = madeFromChanges(row, columns).length > 0;
      // Only if nobody changed it meanwhile (the version and the columns read above are what this edit is of).
      const written = await getDb().template.updateMany({
        where: { id: row.id, version: row.version, updatedAt: row.updatedAt },
        data: { ...columns, editedAt: new Date(), ...(newVersion ? { version: row.version + 1 } : {}) },
      });
      if (written.count === 0)
        throw new AppError(
          "CONFLICT",
          "This template was changed at the same moment. Reload it and try again.",
        );
      if (newVersion) draft.details.version = row.version + 1;
      return viewOfTemplate(await findTemplateRow(row.id));
    },
  );
}
