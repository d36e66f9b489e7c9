"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateWorkspaceAction } from "@/app/(dashboard)/actions/update-workspace";
import type { Errors } from "@/components/workspaces/form-errors";
import {
  type SettingsState,
  settingsStateOf,
  type Takes,
  takesOf,
  updateInput,
} from "@/components/workspaces/form-state";
import { reach } from "@/components/workspaces/reach";
import { mergeErrors, templateErrors } from "@/components/workspaces/template-checks";
import { fieldErrors } from "@/lib/validations/field-errors";
import { updateWorkspaceSchema } from "@/lib/validations/workspace";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

const SAVED: Record<Takes, (applied: boolean) => string> = {
  none: () => "Saved.",
  restart: (applied) =>
    applied ? "Saved and restarted." : "Saved. It applies at the next restart or start.",
  recreate: (applied) =>
    applied
      ? "Saved and re-created; the data was kept."
      : "Saved. It applies when the workspace is re-created (Restart or Start).",
};

/**
 * The settings form's save: only changed fields are sent, checked with the server's schema first. A change that
 * restarts or re-creates a running workspace asks first (`asking`); the server's `takes` is what counts.
 */
export function useSaveSettings(workspace: WorkspaceView) {
  const router = useRouter();
  const [initial, setInitial] = useState<SettingsState>(() => settingsStateOf(workspace));
  const [state, setState] = useState<SettingsState>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [failures, setFailures] = useState(0);
  const [asking, setAsking] = useState<Takes | null>(null);
  const [saving, setSaving] = useState<"saving" | "applying" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // What the last save answered, until the refreshed page brings it too.
  const [savedToken, setSavedToken] = useState(workspace.settings.git?.has_token ?? false);
  const input = updateInput(initial, state, savedToken);
  const dirty = Object.keys(input).length > 0;

  function requestSave() {
    setNotice(null);
    const parsed = updateWorkspaceSchema.safeParse(input);
    const problems = mergeErrors(
      parsed.success ? {} : fieldErrors(parsed.error),
      templateErrors(state, { max: workspace.limits_max, dataPath: workspace.data.path }),
    );
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return setFailures((count) => count + 1);
    }
    setErrors({});
    const takes = takesOf(input);
    if (workspace.status === "running" && takes !== "none") return setAsking(takes);
    void save(false);
  }

  async function save(applyNow: boolean) {
    setAsking(null);
    setSaving(applyNow ? "applying" : "saving");
    const result = await reach(() => updateWorkspaceAction(workspace.id, { ...input, apply_now: applyNow }));
    setSaving(null);
    if (!result.ok) {
      setErrors(result.error.fields ?? { form: [result.error.message] });
      setFailures((count) => count + 1);
    } else {
      const next = settingsStateOf(result.data.workspace);
      setSavedToken(result.data.workspace.settings.git?.has_token ?? false);
      setInitial(next);
      setState(next);
      setNotice(SAVED[result.data.takes](result.data.applied));
    }
    router.refresh();
  }

  return {
    state,
    setState,
    errors,
    setErrors,
    failures,
    asking,
    setAsking,
    saving,
    notice,
    dirty,
    savedToken,
    requestSave,
    save,
  };
}
