import { Circle, CircleCheck, CircleX, Loader2 } from "lucide-react";
import { cn } from "@/lib/utils";
import type { Progress, StepState } from "@/lib/workspaces/launch-progress";

const ICON: Record<StepState, React.ReactNode> = {
  pending: <Circle className="text-muted-foreground/50" aria-hidden />,
  active: <Loader2 className="animate-spin text-amber-600" aria-hidden />,
  done: <CircleCheck className="text-emerald-600" aria-hidden />,
  error: <CircleX className="text-destructive" aria-hidden />,
};

const SPOKEN: Record<StepState, string> = {
  pending: "waiting",
  active: "in progress",
  done: "done",
  error: "failed",
};

/** The launch steps as they happen; null progress means the first snapshot is still on its way. */
export function LaunchProgress({ progress }: { progress: Progress | null }) {
  if (!progress) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="launch-progress">
        <Loader2 className="size-4 animate-spin" aria-hidden /> Preparing…
      </p>
    );
  }
  return (
    <ol className="flex flex-col gap-1.5 text-sm" data-testid="launch-progress" aria-label="Launch progress">
      {progress.steps.map((step) => (
        <li
          key={step.id}
          data-testid="launch-step"
          data-state={step.state}
          className={cn(
            "flex items-center gap-2 [&_svg]:size-4 [&_svg]:shrink-0",
            step.state === "pending" && "text-muted-foreground",
            step.state === "error" && "text-destructive",
          )}
        >
          {ICON[step.state]}
          <span>{step.label}</span>
          <span className="sr-only">({SPOKEN[step.state]})</span>
        </li>
      ))}
    </ol>
  );
}
