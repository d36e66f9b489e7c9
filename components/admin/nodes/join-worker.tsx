"use client";

import { Check, Copy, Eye, Loader2 } from "lucide-react";
import { useState, useTransition } from "react";
import { readJoinCommandAction } from "@/app/admin/actions/read-join-command";
import { Button } from "@/components/ui/button";
import { reach } from "@/components/workspaces/reach";

/** The join command, fetched only on click (each read is audited: it holds the worker token), with a copy button. */
export function JoinWorker() {
  const [command, setCommand] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();
  const reveal = () =>
    startTransition(async () => {
      setError(null);
      const result = await reach(() => readJoinCommandAction());
      if (result.ok) setCommand(result.data.command);
      else setError(result.error.message);
    });
  const copy = async () => {
    if (!command) return;
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setError("The browser did not allow copying: select the command and copy it.");
    }
  };
  return (
    <div className="flex flex-col gap-2">
      {command === null ? (
        <Button variant="outline" size="sm" className="self-start" disabled={pending} onClick={reveal}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Eye aria-hidden />} Show the join
          command
        </Button>
      ) : (
        <div className="flex items-start gap-2">
          <code
            className="flex-1 rounded-md bg-muted px-3 py-2 font-mono text-xs break-all"
            data-testid="join-command"
          >
            {command}
          </code>
          <Button variant="outline" size="sm" onClick={copy} aria-label="Copy the join command">
            {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
