// Every open server-sent-events stream of this process, so a shutdown can end them (and their Docker streams).
// On globalThis: route handlers and the start-up code may load separate copies of this module.
const store = globalThis as unknown as { spawnerStreams?: { open: Set<() => void>; closing: boolean } };
store.spawnerStreams ??= { open: new Set(), closing: false };
const streams = store.spawnerStreams;

/** Registers a stream's finish function; returns its removal. A stream opened while shutting down ends at once. */
export function trackStream(finish: () => void): () => void {
  if (streams.closing) {
    queueMicrotask(finish);
    return () => {};
  }
  streams.open.add(finish);
  return () => streams.open.delete(finish);
}

/** Ends every open stream, and every one opened from now on; returns how many were open. */
export function closeAllStreams(): number {
  streams.closing = true;
  const open = [...streams.open];
  for (const finish of open) finish();
  return open.length;
}
