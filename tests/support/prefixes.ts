// Label prefixes (and network names) of test runs; overridable so two checkouts can test against one engine at once.
export const IT = process.env.SPAWNER_IT_PREFIX ?? "spawner-it";
export const E2E = process.env.SPAWNER_E2E_PREFIX ?? "spawner-e2e";
// The Swarm lab's namespaces, veth, cgroups and temp dir are all named from this.
export const SWARM = process.env.SPAWNER_SWARM_PREFIX ?? "spawner-swarm";
