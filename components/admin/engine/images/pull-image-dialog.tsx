"use client";

import { Download, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { readPullStream, type StreamEvent } from "@/components/admin/engine/images/read-pull-stream";
import { shortId } from "@/components/admin/engine/system/format";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatBytes } from "@/components/workspaces/format";
import { IMAGE_REFERENCE } from "@/lib/validations/image-ref";

type Layer = { status: string; current?: number; total?: number };
type Outcome = { ok: true; id: string } | { ok: false; message: string };

/** Pull by reference, with the engine's progress per layer as it comes; closing the dialog cancels the pull. */
export function PullImageDialog() {
  const router = useRouter();
  const [reference, setReference] = useState("");
  const [layers, setLayers] = useState<[string, Layer][]>([]);
  const [lines, setLines] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pulling, setPulling] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const valid = IMAGE_REFERENCE.test(reference.trim());
  // Leaving the page (not only closing the dialog) cancels a pull still running.
  useEffect(() => () => abort.current?.abort(), []);

  const onEvent = ({ event, data }: StreamEvent) => {
    if (event === "progress") {
      const layer = typeof data.layer === "string" ? data.layer : null;
      const status = String(data.status ?? "");
      if (layer) {
        const next = {
          status,
          current: data.current as number | undefined,
          total: data.total as number | undefined,
        };
        setLayers((all) => {
          const index = all.findIndex(([id]) => id === layer);
          if (index < 0) return [...all, [layer, next]];
          return all.map((entry, at) => (at === index ? [layer, next] : entry));
        });
      } else setLines((all) => (all.includes(status) ? all : [...all.slice(-4), status]));
    } else if (event === "done") setOutcome({ ok: true, id: String(data.id) });
    else if (event === "error")
      setOutcome({ ok: false, message: String(data.message ?? "The pull failed.") });
  };

  async function pull() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setLayers([]);
    setLines([]);
    setOutcome(null);
    setPulling(true);
    try {
      await readPullStream(reference.trim(), controller.signal, onEvent);
    } catch {
      if (!controller.signal.aborted)
        setOutcome({ ok: false, message: "The connection was lost during the pull." });
    } finally {
      setPulling(false);
      router.refresh();
    }
  }

  return (
    <Dialog onOpenChange={(open) => !open && abort.current?.abort()}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Download aria-hidden /> Pull
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="pull-dialog" className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Pull an image</DialogTitle>
          <DialogDescription>
            name[:tag] or name@sha256:…, with the registry first (registry.example.com/team/app:1.2). Closing
            this dialog cancels the pull.
          </DialogDescription>
        </DialogHeader>
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (valid && !pulling) void pull();
          }}
        >
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <Label htmlFor="pull-reference">Reference</Label>
            <Input
              id="pull-reference"
              value={reference}
              autoComplete="off"
              placeholder="registry.example.com/team/app:latest"
              onChange={(event) => setReference(event.target.value)}
            />
          </div>
          <Button type="submit" disabled={!valid || pulling}>
            {pulling && <Loader2 className="animate-spin" aria-hidden />}
            Pull
          </Button>
        </form>
        {(layers.length > 0 || lines.length > 0) && (
          <div className="flex flex-col gap-1 font-mono text-xs" data-testid="pull-progress">
            {lines.map((line) => (
              <div key={line} className="break-all text-muted-foreground">
                {line}
              </div>
            ))}
            {layers.map(([id, layer]) => (
              <div key={id} className="flex items-center gap-2" data-testid="pull-layer" data-layer={id}>
                <span className="w-28 shrink-0">{id}</span>
                <span className="w-32 shrink-0">{layer.status}</span>
                {layer.total ? (
                  <>
                    <progress className="h-2 flex-1" value={layer.current ?? 0} max={layer.total} />
                    <span className="shrink-0">
                      {formatBytes(layer.current ?? 0)} / {formatBytes(layer.total)}
                    </span>
                  </>
                ) : null}
              </div>
            ))}
          </div>
        )}
        {outcome?.ok && (
          <p role="status" className="text-sm" data-testid="pull-done">
            Pulled {reference.trim()} ({shortId(outcome.id)}).
          </p>
        )}
        {outcome && !outcome.ok && (
          <p role="alert" className="text-sm text-destructive">
            {outcome.message}
          </p>
        )}
      </DialogContent>
    </Dialog>
  );
}
