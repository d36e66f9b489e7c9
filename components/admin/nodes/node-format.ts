// A node's figures the way admins read them: memory in GiB (MiB below one), CPUs without trailing zeros.

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

export function formatMemory(bytes: number): string {
  if (bytes >= GIB) return `${(bytes / GIB).toFixed(1)} GiB`;
  return `${Math.round(bytes / MIB)} MiB`;
}

export function formatCpus(cpus: number): string {
  return `${Number(cpus.toFixed(2))}`;
}
