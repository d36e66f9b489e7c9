"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { containerAction } from "@/app/(dashboard)/actions/container-actions";
import { launchContainerAction } from "@/app/(dashboard)/actions/launch-container";
import { useLaunchProgress } from "@/components/containers/use-launch-progress";
import type { ContainerStatus } from "@/lib/containers/container-status";
import type { ContainerView } from "@/lib/containers/container-view";

export type LifecycleAction = "start" | "stop" | "restart" | "delete";
export type Busy = "launch" | LifecycleAction;

type Outcome<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

/** A server action that could not even be reached (offline, server restarting) reads as an outcome too. */
async function reach<T>(call: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await call();
  } catch {
    return {
      ok: false,
      error: { message: "The server could not be reached. Check your connection and try again." },
    };
  }
}

/** The state behind a container's buttons: one action at a time, its error, and launch progress. */
export function useContainerControls(container: ContainerView) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const launching = pending && busy === "launch";
  const { progress, clear } = useLaunchProgress(container.type, {
    launching,
    creating: container.status === "creating",
    onSettled: () => router.refresh(),
  });

  function launch() {
    setError(null);
    setBusy("launch");
    // Opened during the click so popup blockers allow it; pointed at the service once it runs.
    const tab = window.open("", "_blank");
    startTransition(async () => {
      const result = await reach(() => launchContainerAction(container.type));
      if (!result.ok) {
        tab?.close();
        setError(result.error.message);
        return;
      }
      if (tab && result.data.service_url) {
        tab.opener = null;
        tab.location.href = result.data.service_url;
      } else {
        tab?.close();
      }
      router.refresh();
    });
  }

  function run(action: LifecycleAction) {
    setError(null);
    clear();
    setBusy(action);
    startTransition(async () => {
      const result = await reach(() => containerAction(container.type, action));
      if (!result.ok) setError(result.error.message);
      // Refresh after a failure too: the container may have changed under us (e.g. stopped elsewhere).
      router.refresh();
    });
  }

  const status: ContainerStatus = launching ? "creating" : container.status;
  return { status, busy: pending ? busy : null, error, progress, launch, run };
}

export type ContainerControlsState = ReturnType<typeof useContainerControls>;
