"use client";

import { Loader2, Play, RotateCw, Square } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { bulkWorkspacesAction } from "@/app/admin/actions/bulk-workspaces";
import { ConfirmDeleteDialog } from "@/components/admin/confirm-delete-dialog";
import { BulkResults } from "@/components/admin/workspaces/bulk-results";
import { useSelection } from "@/components/admin/workspaces/bulk-selection";
import { Button } from "@/components/ui/button";
import { reach } from "@/components/workspaces/reach";
import type { BulkResult } from "@/lib/admin/bulk-workspaces";
import type { BulkAction } from "@/lib/validations/admin-workspaces";

const plural = (count: number) => `${count} workspace${count === 1 ? "" : "s"}`;

/** Start, stop, restart or delete the selection (or everything matching the filter), then the result of each. */
export function BulkBar() {
  const router = useRouter();
  const selection = useSelection();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<BulkAction | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = selection.allMatching ? selection.total : selection.selected.size;

  function run(action: BulkAction, deleteData = false, confirm?: string) {
    setError(null);
    setResult(null);
    setBusy(action);
    const target = selection.allMatching ? { filter: selection.filter } : { ids: [...selection.selected] };
    startTransition(async () => {
      const answer = await reach(() =>
        bulkWorkspacesAction({ action, ...target, delete_data: deleteData, confirm }),
      );
      if (answer.ok) {
        setResult(answer.data);
        selection.clear();
      } else setError(answer.error.message);
      router.refresh();
    });
  }

  const spin = (action: BulkAction, Icon: typeof Play) =>
    pending && busy === action ? <Loader2 className="animate-spin" aria-hidden /> : <Icon aria-hidden />;
  const idle = count === 0 || pending;
  return (
    <div className="flex flex-col gap-3" data-testid="bulk-bar">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="min-w-40 font-medium" data-testid="selection-count">
          {selection.allMatching ? `All ${plural(count)} matching` : `${plural(count)} selected`}
        </span>
        <Button variant="outline" size="sm" disabled={idle} onClick={() => run("start")}>
          {spin("start", Play)} Start
        </Button>
        <Button variant="outline" size="sm" disabled={idle} onClick={() => run("stop")}>
          {spin("stop", Square)} Stop
        </Button>
        <Button variant="outline" size="sm" disabled={idle} onClick={() => run("restart")}>
          {spin("restart", RotateCw)} Restart
        </Button>
        <ConfirmDeleteDialog
          title={`Delete ${plural(count)}?`}
          goes={`The containers of ${count === 1 ? "this workspace" : `these ${plural(count)}`} go.`}
          confirmWord={String(count)}
          disabled={idle}
          onConfirm={(deleteData, typed) => run("delete", deleteData, deleteData ? typed : undefined)}
        />
        {pending && busy === "delete" && <Loader2 className="size-4 animate-spin" aria-label="Deleting" />}
        {selection.total > 0 ? (
          <Button
            variant="link"
            size="sm"
            disabled={pending}
            onClick={() => selection.setAllMatching(!selection.allMatching)}
          >
            {selection.allMatching ? "Select none" : `Select all ${selection.total} matching the filter`}
          </Button>
        ) : null}
      </div>
      {error && (
        <p className="text-sm text-destructive" role="alert" data-testid="bulk-error">
          {error}
        </p>
      )}
      {result && <BulkResults result={result} />}
    </div>
  );
}
