// The engine names a compose file's volumes and networks get as project <name>: an explicit `name:`, else
// <project>_<key> (both Compose versions), and <project>_default for the network of services that name none.
// External ones are the engine's already and are left out: the stack only uses them.

type Mapping = Record<string, unknown>;

export type ClaimedName = {
  kind: "volume" | "network";
  /** Its place in the file: volumes.data.name for an explicit name, volumes.data for a derived one. */
  place: string;
  name: string;
};

const isMapping = (value: unknown): value is Mapping =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function declared(kind: ClaimedName["kind"], entries: unknown, project: string): ClaimedName[] {
  if (!isMapping(entries)) return [];
  const found: ClaimedName[] = [];
  const section = `${kind}s`;
  for (const [key, entry] of Object.entries(entries)) {
    const spec = isMapping(entry) ? entry : {};
    if (spec.external) continue;
    if (typeof spec.name === "string") found.push({ kind, place: `${section}.${key}.name`, name: spec.name });
    else found.push({ kind, place: `${section}.${key}`, name: `${project}_${key}` });
  }
  return found;
}

/** Whether a service without `networks` (and no network_mode) puts the project's default network to use. */
function usesDefaultNetwork(services: unknown): boolean {
  if (!isMapping(services)) return false;
  return Object.values(services).some(
    (service) => isMapping(service) && service.networks === undefined && service.network_mode === undefined,
  );
}

export function claimedNames(config: Mapping, project: string): ClaimedName[] {
  const found = [
    ...declared("volume", config.volumes, project),
    ...declared("network", config.networks, project),
  ];
  const networks = isMapping(config.networks) ? config.networks : {};
  if (!("default" in networks) && usesDefaultNetwork(config.services))
    found.push({ kind: "network", place: "networks.default", name: `${project}_default` });
  return found;
}
