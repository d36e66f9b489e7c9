"use client";

import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { setTemplateEnabledAction } from "@/app/admin/actions/set-template-enabled";
import { Button } from "@/components/ui/button";

/** Disable (no new workspaces from it; existing ones keep working) or enable again. */
export function TemplateEnabledButton({
  id,
  name,
  enabled,
  fixed,
}: {
  id: string;
  name: string;
  enabled: boolean;
  /** dev and prod: every user's two slots, never disabled. */
  fixed: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (fixed && enabled)
    return (
      <span className="text-xs text-muted-foreground" data-testid="always-enabled">
        Always enabled: every user's {name} slot
      </span>
    );
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await setTemplateEnabledAction(id, !enabled);
          if (!result.ok) toast.error(result.error.message);
          else {
            toast.success(enabled ? `${name} disabled: no new workspaces from it.` : `${name} enabled.`);
            router.refresh();
          }
        })
      }
    >
      {pending && <Loader2 className="animate-spin" aria-hidden />}
      {enabled ? "Disable" : "Enable"}
    </Button>
  );
}
