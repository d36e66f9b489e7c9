"use client";

import { CheckCircle2, XCircle } from "lucide-react";
import type { BulkResult } from "@/lib/admin/bulk-workspaces";

const DONE: Record<BulkResult["action"], string> = {
  start: "started",
  stop: "stopped",
  restart: "restarted",
  delete: "deleted",
};

/** What a bulk action did, per workspace: done, or why not. */
export function BulkResults({ result }: { result: BulkResult }) {
  return (
    <div
      className="flex flex-col gap-2 rounded-md border bg-background p-3 text-sm"
      data-testid="bulk-results"
    >
      <p className="font-medium" data-testid="bulk-summary">
        {result.succeeded} of {result.total} {DONE[result.action]}
        {result.failed > 0 ? `, ${result.failed} failed` : ""}.
      </p>
      {result.results.length > 0 && (
        <ul className="flex max-h-64 flex-col gap-1 overflow-y-auto">
          {result.results.map((item) => (
            <li
              key={item.id}
              className="flex items-start gap-2"
              data-testid="bulk-result"
              data-ok={item.ok}
              data-name={item.name}
            >
              {item.ok ? (
                <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-label="done" />
              ) : (
                <XCircle className="mt-0.5 size-4 shrink-0 text-destructive" aria-label="failed" />
              )}
              <span>
                <span className="font-medium">{item.name || item.id}</span>
                {item.owner && <span className="text-muted-foreground"> · {item.owner.email}</span>}
                {item.error && <span className="text-destructive"> — {item.error.message}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
