"use client";

import { Loader2 } from "lucide-react";
import { useState } from "react";
import { activateNodeAction } from "@/app/admin/actions/activate-node";
import { drainNodeAction } from "@/app/admin/actions/drain-node";
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
import type { NodeView } from "@/lib/admin/nodes/node-view";

/** Drain an active node, or activate a drained (or paused) one, each after a confirmation. */
export function NodeActions({ node }: { node: Pick<NodeView, "id" | "hostname" | "self" | "availability"> }) {
  const { pending, error, run } = useAdminCall();
  const [typed, setTyped] = useState("");
  const draining = node.availability === "active";
  // The app's own node: the server refuses without its hostname typed, so the dialog asks for it first.
  const mustType = draining && node.self;
  return (
    <div className="flex flex-col items-end gap-1">
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button variant="outline" size="sm" disabled={pending}>
            {pending && <Loader2 className="animate-spin" aria-hidden />}
            {draining ? "Drain" : "Activate"}
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {draining ? `Drain ${node.hostname}?` : `Activate ${node.hostname}?`}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {draining
                ? "Its running workspaces move to other nodes and nothing new is placed there. Workspaces whose data lives on it wait until it is active again."
                : "New workspaces may be placed there again, and those whose data lives on it start. Nothing moves back by itself."}
              {mustType && " This is the node this app runs on: type its hostname to confirm."}
            </AlertDialogDescription>
          </AlertDialogHeader>
          {mustType && (
            <Input
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              placeholder={node.hostname}
              aria-label={`Type ${node.hostname} to confirm`}
            />
          )}
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction
              disabled={mustType && typed.trim() !== node.hostname}
              onClick={() =>
                run(
                  () => (draining ? drainNodeAction(node.id, typed) : activateNodeAction(node.id)),
                  () => setTyped(""),
                )
              }
            >
              {draining ? "Drain" : "Activate"}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      {error && (
        <p role="alert" className="max-w-xs text-right text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
