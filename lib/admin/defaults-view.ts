// The container defaults as the admin page and GET /api/v1/admin/defaults show them: each setting's environment
// value, the value stored in the app (null: it follows the environment) and the one in effect; and the settings
// that stay the environment's, with why.
import "server-only";
import { DEFAULT_KEYS, type DefaultKey, displayAll, mergeDefaults } from "@/lib/defaults/defaults";
import { environmentDefaults, readDefaultsOverride } from "@/lib/defaults/defaults-store";
import { getEnv } from "@/lib/env";

export type DefaultsView = {
  keys: DefaultKey[];
  environment: Record<DefaultKey, string>;
  overrides: Partial<Record<DefaultKey, string>>;
  effective: Record<DefaultKey, string>;
  environment_only: { key: string; value: string; reason: string }[];
};

// Network and domain are read by Traefik and by every running workload: changed in the app, they would leave both
// behind until a redeploy, so they stay settings of the deployment.
const ROUTING_REASON =
  "Traefik and every running workload are set up with it: change it in the environment and redeploy.";

export async function defaultsView(): Promise<DefaultsView> {
  const env = getEnv();
  const environment = environmentDefaults();
  const overrides = await readDefaultsOverride();
  return {
    keys: [...DEFAULT_KEYS],
    environment: displayAll(environment),
    overrides,
    effective: displayAll(mergeDefaults(environment, overrides)),
    environment_only: [
      { key: "CONTAINER_NETWORK", value: env.CONTAINER_NETWORK, reason: ROUTING_REASON },
      { key: "WORKSPACE_DOMAIN", value: env.WORKSPACE_DOMAIN, reason: ROUTING_REASON },
      { key: "APP_HOST", value: env.APP_HOST, reason: ROUTING_REASON },
    ],
  };
}
