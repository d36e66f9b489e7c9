// One schema for the audit log's query, shared by the /admin/audit page (its GET form) and GET /api/v1/admin/audit
// (and its CSV export). Empty form fields mean "any". Times are UTC: a date alone means the whole day.
import { z } from "zod";

export const AUDIT_PAGE_SIZES = [25, 50, 100, 200] as const;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const text = z.preprocess(
  blankToUndefined,
  z.string().trim().max(200, { message: "At most 200 characters." }).optional(),
);

const DATE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)Z?)?$/;

/** "2026-12-01" or "2026-12-01T10:30" (a datetime-local field), read as UTC; a date alone ends at its day's end. */
const time = (edge: "from" | "to") =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(DATE, { message: "Use a date such as 2026-12-01 or 2026-12-01T10:30 (UTC)." })
      .transform((raw, ctx) => {
        const [, day, clock] = DATE.exec(raw) ?? [];
        const at = new Date(`${day}T${clock ?? "00:00"}Z`);
        // JavaScript rolls 2026-02-30 over into March: a day that does not exist is refused instead.
        if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day) {
          ctx.addIssue({ code: "custom", message: "This is not a real date." });
          return z.NEVER;
        }
        if (edge === "to" && !clock) at.setUTCDate(at.getUTCDate() + 1);
        return at;
      })
      .optional(),
  );

const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: "Enter a whole number." })
      .int({ message: "Enter a whole number." })
      .min(min, { message: `At least ${min}.` })
      .max(max, { message: `At most ${max}.` })
      .default(fallback),
  );

export const auditQuerySchema = z
  .object({
    /** The actor's email (part of it) or user id. */
    actor: text,
    /** An action ("workspace.stop"), or every action under a prefix ("workspace." or "workspace.*"). */
    action: text,
    /** The target's id, or (part of) its name. */
    target: text,
    /** The owner's email (part of it) or user id. */
    owner: text,
    from: time("from"),
    /** Exclusive: a date alone includes that whole day. */
    to: time("to"),
    page: whole(1, 100_000, 1),
    page_size: whole(1, 200, 50),
  })
  // Only between two valid times (zod runs this even when a field above failed).
  .refine((query) => !(query.from instanceof Date && query.to instanceof Date) || query.from < query.to, {
    path: ["to"],
    message: "Pick an end after the start.",
  });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** A request's query (URLSearchParams, or a page's searchParams) as the plain object the schema reads. */
export function auditQueryInput(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries =
    params instanceof URLSearchParams
      ? [...params.keys()].map((key) => [key, params.get(key) ?? ""] as const)
      : Object.entries(params).map(
          ([key, value]) => [key, Array.isArray(value) ? (value[0] ?? "") : (value ?? "")] as const,
        );
  const known = new Set(Object.keys(auditQuerySchema.shape));
  return Object.fromEntries(entries.filter(([key]) => known.has(key)));
}
