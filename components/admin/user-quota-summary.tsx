// An account's quotas in its row: what each one uses of what it may, and which are its own (the rest follow the
// platform's, set on Defaults).
import type { QuotaLimitView, UserView } from "@/lib/admin/user-view";

export const QUOTA_FIELDS = [
  { key: "workspaces", label: "Workspaces", unit: "" },
  { key: "running", label: "Running", unit: "" },
  { key: "memory_mb", label: "Memory", unit: " MB" },
  { key: "cpus", label: "CPUs", unit: "" },
] as const;

/** "1 of 2 MB", "3 (no limit)", "? of 5" while the engine can't be asked. */
export function quotaText(limit: QuotaLimitView, unit: string): string {
  const used = limit.used === null ? "?" : `${limit.used}`;
  return limit.max === 0 ? `${used}${unit} (no limit)` : `${used} of ${limit.max}${unit}`;
}

export function UserQuotaSummary({ quota }: { quota: UserView["quota"] }) {
  return (
    <dl className="grid grid-cols-[auto_auto] gap-x-2 text-xs" data-testid="user-quota">
      {QUOTA_FIELDS.map(({ key, label, unit }) => (
        <div key={key} className="contents" data-quota={key} data-own={quota[key].own !== null}>
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="whitespace-nowrap tabular-nums">
            {quotaText(quota[key], unit)}
            {quota[key].own !== null && <span className="ml-1 font-medium">(own)</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
