"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type Outcome, reach } from "@/components/workspaces/reach";

/** Runs one admin server action at a time from a row: pending while it runs, its error kept, the page refreshed. */
export function useAdminCall() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run<T>(call: () => Promise<Outcome<T>>, onDone?: (data: T) => void) {
    setError(null);
    startTransition(async () => {
      const result = await reach(call);
      if (result.ok) onDone?.(result.data);
      else setError(result.error.message);
      router.refresh();
    });
  }
  return { pending, error, run };
}
