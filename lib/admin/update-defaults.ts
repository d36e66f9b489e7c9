// Admin use case: set the container defaults stored in the app (all of them at once: a setting left out follows the
// environment again; none at all is "Reset to the environment"). Checked by the environment's schema, maxima not
// below defaults, images present on the engine; then the seeded templates that still follow the settings are
// written again (a new version where an image changes).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { type DefaultsView, defaultsView } from "@/lib/admin/defaults-view";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import {
  DEFAULT_KEYS,
  type DefaultsOverride,
  IMAGE_KEYS,
  maximaBelowDefaults,
  mergeDefaults,
} from "@/lib/defaults/defaults";
import {
  environmentDefaults,
  readDefaultsOverride,
  writeDefaultsOverride,
} from "@/lib/defaults/defaults-store";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { reseedTemplates } from "@/lib/templates/template-store";

export async function updateDefaults({
  actor,
  override,
}: {
  actor: Actor;
  override: DefaultsOverride;
}): Promise<DefaultsView> {
  assertAdmin(actor);
  return audited(
    actor,
    { action: "defaults.update", target: { type: "defaults", name: "defaults" } },
    async (draft) => {
      const fields = maximaBelowDefaults(mergeDefaults(environmentDefaults(), override));
      const runtime = getRuntime();
      for (const key of IMAGE_KEYS) {
        const image = override[key];
        if (image && !(await runtime.imageExists(image)))
          fields[key] = [
            `"${image}" is not on this server's container engine: build or pull it there first.`,
          ];
      }
      if (Object.keys(fields).length > 0)
        throw new AppError("VALIDATION_FAILED", "Some settings are not valid.", { fields });
      const before = await readDefaultsOverride();
      draft.details.fields = DEFAULT_KEYS.filter((key) => before[key] !== override[key]);
      draft.details.reset = Object.keys(override).length === 0;
      await writeDefaultsOverride(override);
      await reseedTemplates();
      return defaultsView();
    },
  );
}
