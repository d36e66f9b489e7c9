// A response schema written for a view type must describe exactly that type, so the two can't drift apart:
// `sameType<z.output<typeof schema>, View>()` stops compiling as soon as they differ (a field added, dropped, made
// optional or given another type, on either side).

/** Nested intersections and aliases spelled out, so `A & B` equals the object with both sets of fields. */
type Flat<T> = T extends object ? { [K in keyof T]: Flat<T[K]> } : T;

/** Exactly the same type (optional and required fields differ), after Flat. */
export type Same<A, B> =
  (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false;

/** A compile-time check only: it does nothing when it runs. */
export function sameType<A, B>(
  ..._proof: Same<A, B> extends true ? [] : ["the schema and the type differ"]
): void {}
