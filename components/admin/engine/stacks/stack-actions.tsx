"use client";

import { Loader2, Play, Square } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { startStackAction } from "@/app/admin/engine/stacks/actions/start-stack";
import { stopStackAction } from "@/app/admin/engine/stacks/actions/stop-stack";
import { RemoveStackDialog } from "@/components/admin/engine/stacks/remove-stack-dialog";
import { useAdminCall } from "@/components/admin/use-admin-call";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { StackView } from "@/lib/engine/stacks/stack-view";

type Stack = Pick<StackView, "name" | "state" | "protected" | "volumes">;

/** Stop or Start after a confirmation; a protected stack's stop asks for its name typed (the server checks it). */
function StopOrStart({
  stack,
  stopping,
  run,
  pending,
}: { stack: Stack; stopping: boolean } & ReturnType<typeof useAdminCall>) {
  const [typed, setTyped] = useState("");
  const mustType = stopping && stack.protected !== null;
  return (
    <AlertDialog onOpenChange={(open) => open && setTyped("")}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={pending}>
          {pending ? (
            <Loader2 className="animate-spin" aria-hidden />
          ) : stopping ? (
            <Square aria-hidden />
          ) : (
            <Play aria-hidden />
          )}
          {stopping ? "Stop" : "Start"}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{stopping ? `Stop ${stack.name}?` : `Start ${stack.name}?`}</AlertDialogTitle>
          <AlertDialogDescription>
            {stopping
              ? "Its running containers are stopped (10 s each to finish, then killed). Nothing is removed."
              : "Its containers that are not running are started, oldest first."}
            {mustType && ` ${stack.protected} Type its name to confirm.`}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {mustType && (
          <Input
            value={typed}
            autoComplete="off"
            onChange={(event) => setTyped(event.target.value)}
            placeholder={stack.name}
            aria-label={`Type ${stack.name} to confirm`}
          />
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={mustType && typed.trim() !== stack.name}
            onClick={() =>
              run(
                () => (stopping ? stopStackAction(stack.name, typed.trim()) : startStackAction(stack.name)),
                () => toast.success(`Stack ${stack.name} ${stopping ? "stopped" : "started"}.`),
              )
            }
          >
            {stopping ? "Stop" : "Start"}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** A stack row's actions: Stop (when anything runs), Start (when anything doesn't), Remove. */
export function StackActions({ stack }: { stack: Stack }) {
  const call = useAdminCall();
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        {(stack.state === "running" || stack.state === "partial") && (
          <StopOrStart stack={stack} stopping {...call} />
        )}
        {(stack.state === "stopped" || stack.state === "partial") && (
          <StopOrStart stack={stack} stopping={false} {...call} />
        )}
        <RemoveStackDialog stack={stack} {...call} />
      </div>
      {call.error && (
        <p role="alert" className="max-w-xs text-right text-xs text-destructive">
          {call.error}
        </p>
      )}
    </div>
  );
}
