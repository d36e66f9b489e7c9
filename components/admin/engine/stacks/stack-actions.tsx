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
import { isLive, isStartable } from "@/lib/engine/stacks/stack-state";
import type { StackView } from "@/lib/engine/stacks/stack-view";

type Stack = Pick<StackView, "name" | "protected" | "volumes" | "services">;

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
              ? "Its running, restarting and paused containers are stopped (10 s each to finish, then killed). Nothing is removed."
              : "Its stopped containers are started, oldest first, and paused ones unpaused."}
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

/** A stack row's actions: Stop (when anything is live), Start (when anything can be started), Remove. */
export function StackActions({ stack }: { stack: Stack }) {
  const call = useAdminCall();
  const states = stack.services.flatMap((service) => service.containers.map((container) => container.state));
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        {states.some(isLive) && <StopOrStart stack={stack} stopping {...call} />}
        {states.some(isStartable) && <StopOrStart stack={stack} stopping={false} {...call} />}
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
