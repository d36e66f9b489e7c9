"use client";

import { useState } from "react";
import { createWorkspaceAction } from "@/app/(dashboard)/actions/create-workspace";
import { launchWorkspaceAction } from "@/app/(dashboard)/actions/launch-workspace";
import type { Errors } from "@/components/workspaces/form-errors";
import { type CreateState, createInput } from "@/components/workspaces/form-state";
import { openBlankTab, pointTab } from "@/components/workspaces/new-tab";
import { reach } from "@/components/workspaces/reach";
import { mergeErrors, templateErrors } from "@/components/workspaces/template-checks";
import { useLaunchProgress } from "@/components/workspaces/use-launch-progress";
import type { TemplateView } from "@/lib/templates/list-template-views";
import { fieldErrors } from "@/lib/validations/field-errors";
import { createWorkspaceSchema } from "@/lib/validations/workspace";

export type Created = { id: string; display_name: string };
export type Phase =
  | { kind: "editing" }
  | { kind: "creating" }
  | { kind: "launching"; workspace: Created }
  | { kind: "failed"; workspace: Created; message: string };

/**
 * Create & Open: checks the input with the server's own schema, opens a tab during the click, creates the
 * workspace, then launches it with live steps and points the tab at its service. A launch that fails leaves the
 * workspace (it exists and stays editable): the dialog says so and can try again.
 */
export function useCreateAndOpen({ onOpened }: { onOpened: () => void }) {
  const [errors, setErrors] = useState<Errors>({});
  // Counts submits that came back with errors, so the form can focus the first one.
  const [failures, setFailures] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: "editing" });
  const launchingId = phase.kind === "launching" ? phase.workspace.id : null;
  const { progress, clear } = useLaunchProgress(
    launchingId ? `/api/workspaces/${encodeURIComponent(launchingId)}/progress` : "",
    { launching: launchingId !== null, creating: false, onSettled: () => {} },
  );

  async function launch(workspace: Created, tab: Window | null) {
    setPhase({ kind: "launching", workspace });
    const result = await reach(() => launchWorkspaceAction(workspace.id));
    if (result.ok) {
      pointTab(tab, result.data.service_url);
      setPhase({ kind: "editing" });
      clear();
      return onOpened();
    }
    tab?.close();
    setPhase({ kind: "failed", workspace, message: result.error.message });
  }

  async function submit(state: CreateState, template: TemplateView | null) {
    const input = createInput(state);
    const parsed = createWorkspaceSchema.safeParse(input);
    const problems = mergeErrors(
      parsed.success ? {} : fieldErrors(parsed.error),
      templateErrors(state, { max: template?.limits.max ?? null, dataPath: template?.data_path ?? null }),
    );
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return setFailures((count) => count + 1);
    }
    setErrors({});
    // Opened during the click so popup blockers allow it; closed again if nothing comes of it.
    const tab = openBlankTab();
    setPhase({ kind: "creating" });
    const created = await reach(() => createWorkspaceAction(input));
    if (!created.ok) {
      tab?.close();
      setErrors(created.error.fields ?? { form: [created.error.message] });
      setFailures((count) => count + 1);
      return setPhase({ kind: "editing" });
    }
    await launch({ id: created.data.id, display_name: created.data.display_name }, tab);
  }

  function retry() {
    if (phase.kind !== "failed") return;
    void launch(phase.workspace, openBlankTab());
  }

  const reset = () => {
    setErrors({});
    setPhase({ kind: "editing" });
    clear();
  };

  return { errors, setErrors, failures, phase, progress, submit, retry, reset };
}
