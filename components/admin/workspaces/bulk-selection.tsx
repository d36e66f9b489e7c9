"use client";

import { createContext, useContext, useMemo, useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import type { WorkspaceFilter } from "@/lib/validations/admin-workspaces";

/** What a bulk action acts on: the ticked rows, or everything the filter matches (on every page). */
type Selection = {
  selected: ReadonlySet<string>;
  allMatching: boolean;
  pageIds: readonly string[];
  total: number;
  filter: WorkspaceFilter;
  toggle: (id: string, on: boolean) => void;
  setPage: (on: boolean) => void;
  setAllMatching: (on: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useSelection outside BulkSelection");
  return selection;
}

/** Holds the selection of one filter's list (the page keys it by the filter, so a new filter starts afresh). */
export function BulkSelection({
  pageIds,
  total,
  filter,
  children,
}: {
  pageIds: string[];
  total: number;
  filter: WorkspaceFilter;
  children: React.ReactNode;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const value = useMemo<Selection>(
    () => ({
      selected,
      allMatching,
      pageIds,
      total,
      filter,
      toggle: (id, on) =>
        setSelected((current) => {
          const next = new Set(current);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      setPage: (on) =>
        setSelected((current) => {
          const next = new Set(current);
          for (const id of pageIds)
            if (on) next.add(id);
            else next.delete(id);
          return next;
        }),
      setAllMatching,
      clear: () => {
        setSelected(new Set());
        setAllMatching(false);
      },
    }),
    [selected, allMatching, pageIds, total, filter],
  );
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const { selected, allMatching, toggle } = useSelection();
  return (
    <Checkbox
      aria-label={`Select ${label}`}
      data-testid="select-row"
      checked={allMatching || selected.has(id)}
      disabled={allMatching}
      onCheckedChange={(checked) => toggle(id, checked === true)}
    />
  );
}

export function PageCheckbox() {
  const { selected, allMatching, pageIds, setPage } = useSelection();
  const all = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const some = pageIds.some((id) => selected.has(id));
  return (
    <Checkbox
      aria-label="Select every workspace on this page"
      checked={allMatching || all ? true : some ? "indeterminate" : false}
      disabled={allMatching || pageIds.length === 0}
      onCheckedChange={(checked) => setPage(checked === true)}
    />
  );
}
