"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type EngineAnswer, engineRequest } from "@/components/admin/engine/system/engine-request";

/** One engine call at a time: pending while it runs, its error kept, the page's data refreshed after. */
export function useEngineCall() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function call<T>(method: string, path: string, body?: unknown, onDone?: (data: T) => void) {
    setError(null);
    startTransition(async () => {
      const answer: EngineAnswer<T> = await engineRequest<T>(method, path, body);
      if (answer.ok) onDone?.(answer.data);
      else setError(answer.message);
      router.refresh();
    });
  }
  return { pending, error, setError, call };
}
