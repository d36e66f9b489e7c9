// Admin use case: disable or enable a template. A disabled one makes no new workspaces (findEnabledTemplate);
// those made from it keep working. dev and prod can't be disabled: every user has those two slots.
import "server-only";
import type { AdminTemplateView } from "@/lib/admin/admin-template-view";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { findTemplateRow, viewOfTemplate } from "@/lib/admin/find-admin-template";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isSlotName } from "@/lib/templates/seeded-templates";

export async function setTemplateEnabled({
  actor,
  templateId,
  enabled,
}: {
  actor: Actor;
  templateId: string;
  enabled: boolean;
}): Promise<AdminTemplateView> {
  assertAdmin(actor);
  return audited(
    actor,
    {
      action: enabled ? "template.enable" : "template.disable",
      target: { type: "template", id: templateId },
    },
    async (draft) => {
      const row = await findTemplateRow(templateId);
      draft.target = { type: "template", id: row.id, name: row.name };
      if (!enabled && isSlotName(row.name))
        throw new AppError(
          "CONFLICT",
          `The ${row.name} template can't be disabled: every user has a ${row.name} workspace slot made from it.`,
        );
      if (row.enabled !== enabled)
        await getDb().template.update({ where: { id: row.id }, data: { enabled } });
      return viewOfTemplate(await findTemplateRow(row.id));
    },
  );
}
