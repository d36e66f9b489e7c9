// Admin use case: a new template workspaces can be made from at once. Its image must be on the engine; its name is
// unique and never changes after this.
import "server-only";
import { Prisma } from "@prisma/client";
import { type AdminTemplateView, adminTemplateView } from "@/lib/admin/admin-template-view";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { assertImagePresent, templateColumns, templateNameTaken } from "@/lib/admin/template-rules";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { templateFromRow } from "@/lib/templates/template";
import { ensureSeededTemplates } from "@/lib/templates/template-store";
import type { TemplateInput } from "@/lib/validations/template";

export async function createTemplate({
  actor,
  input,
}: {
  actor: Actor;
  input: TemplateInput;
}): Promise<AdminTemplateView> {
  assertAdmin(actor);
  return audited(
    actor,
    { action: "template.create", target: { type: "template", name: input.name } },
    async (draft) => {
      // The seeded names exist before anyone can take them.
      await ensureSeededTemplates();
      await assertImagePresent(input.image);
      const row = await getDb()
        .template.create({
          data: { name: input.name, ...templateColumns(input), editedAt: new Date() },
        })
        .catch((error: unknown) => {
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
            throw templateNameTaken(input.name);
          throw error;
        });
      draft.target = { type: "template", id: row.id, name: row.name };
      draft.details.image = row.image;
      return adminTemplateView(templateFromRow(row), {
        editedAt: row.editedAt,
        seeded: false,
        imagePresent: true,
        workspaces: 0,
        outdated: 0,
      });
    },
  );
}
