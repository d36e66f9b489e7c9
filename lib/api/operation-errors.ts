// The errors an operation may answer: the ones it names, and the ones every operation of its kind may give
// (lib/http/route.ts: no caller, a token without the scope, a cross-site write, the rate limit; lib/http/read-json.ts:
// a body that is not small JSON). One list, read by the document and by the tests.
import type { Operation } from "@/lib/api/operation";
import type { ErrorCode } from "@/lib/errors";

export type OperationError = { status: number; codes: ErrorCode[] };

function implied(op: Operation): OperationError[] {
  const errors: OperationError[] = [
    // A path with broken percent-encoding is refused before routing (proxy.ts).
    { status: 400, codes: ["BAD_REQUEST"] },
    { status: 429, codes: ["RATE_LIMITED"] },
    { status: 500, codes: ["INTERNAL"] },
  ];
  if (op.access !== "public")
    errors.push({ status: 401, codes: ["UNAUTHENTICATED"] }, { status: 403, codes: ["INSUFFICIENT_SCOPE"] });
  // The admin API answers anyone but an admin as if it did not exist.
  if (op.access === "admin") errors.push({ status: 404, codes: ["NOT_FOUND"] });
  // A session's write must come from the site itself (a Bearer call is judged by its token alone).
  if (op.method !== "get") errors.push({ status: 403, codes: ["CROSS_ORIGIN"] });
  if (op.query || op.body) errors.push({ status: 400, codes: ["VALIDATION_FAILED"] });
  if (op.body)
    errors.push(
      { status: 413, codes: ["PAYLOAD_TOO_LARGE"] },
      { status: 415, codes: ["UNSUPPORTED_MEDIA_TYPE"] },
    );
  return errors;
}

/** By status, each code once, statuses in order. */
export function errorsOf(op: Operation): OperationError[] {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const { status, codes } of [...implied(op), ...op.errors]) {
    const set = byStatus.get(status) ?? new Set<ErrorCode>();
    for (const code of codes) set.add(code);
    byStatus.set(status, set);
  }
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, codes]) => ({ status, codes: [...codes].sort() }));
}

/** What any operation that asks the container engine may answer when the engine fails or is not there. */
export const ENGINE_ERRORS: OperationError[] = [
  { status: 502, codes: ["CONTAINER_ENGINE_ERROR"] },
  { status: 503, codes: ["CONTAINER_ENGINE_UNAVAILABLE"] },
];
