// Long-lived engine objects (a workload network) are looked up and made once per process: once seen, never looked at
// again; launches in parallel (a bulk start) share one look-up-and-create, because the engine's duplicate check is
// best effort and two creates at once can make two networks of one name.
export function oncePerName() {
  const known = new Set<string>();
  const ensuring = new Map<string, Promise<void>>();
  return {
    ensure(name: string, make: () => Promise<void>): Promise<void> {
      if (known.has(name)) return Promise.resolve();
      let pending = ensuring.get(name);
      if (!pending) {
        pending = make()
          .then(() => {
            known.add(name);
          })
          .finally(() => ensuring.delete(name));
        ensuring.set(name, pending);
      }
      return pending;
    },
    /** It vanished behind our back: the next ensure looks again. */
    forget(name: string): void {
      known.delete(name);
    },
  };
}
