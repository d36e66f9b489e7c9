// The one test of a typed confirmation, shared by containers and stacks: the name typed again, spaces around it
// ignored (a pasted name often carries one), nothing else.

/** True when `confirm` is `name` typed again. */
export function confirmsName(confirm: string | undefined, name: string): boolean {
  return (confirm ?? "").trim() === name;
}
