"use client";

import { Loader2, Plus, Upload } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { deployStackAction } from "@/app/admin/engine/stacks/actions/deploy-stack";
import { ComposeProblems } from "@/components/admin/engine/stacks/compose-problems";
import { useFormDialog } from "@/components/admin/use-form-dialog";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field, FormError, invalidProps } from "@/components/workspaces/field";

const MAX_FILE_BYTES = 256 * 1024;

/** Deploy: a name and a compose file (pasted, or read from an uploaded .yml/.yaml); every problem by its place. */
export function DeployStackDialog({ disabled }: { disabled: boolean }) {
  const [name, setName] = useState("");
  const [compose, setCompose] = useState("");
  // What no save said: an uploaded file too large.
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [output, setOutput] = useState<string | null>(null);
  const upload = useRef<HTMLInputElement>(null);
  const {
    open,
    onOpenChange,
    errors: fields,
    message,
    pending,
    save,
  } = useFormDialog(() => {
    setFileProblem(null);
    setOutput(null);
  });

  async function read(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(`${file.name} is larger than 256 KB.`);
      return;
    }
    setCompose(await file.text());
    if (!name)
      setName(
        file.name
          .replace(/\.(ya?ml)$/i, "")
          .replace(/^(docker-)?compose$/, "")
          .toLowerCase(),
      );
    setFileProblem(null);
  }

  function submit() {
    setFileProblem(null);
    setOutput(null);
    save(
      () => deployStackAction({ name: name.trim(), compose }),
      (deployed) => {
        toast.success(`Stack ${deployed.name} deployed: ${deployed.services.length} services.`);
        setName("");
        setCompose("");
      },
      (error) => {
        const shown = (error.details as { output?: unknown } | undefined)?.output;
        setOutput(typeof shown === "string" && shown ? shown : null);
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" disabled={disabled}>
          <Plus aria-hidden /> Deploy a stack
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] max-w-4xl overflow-y-auto" data-testid="deploy-stack-dialog">
        <DialogHeader>
          <DialogTitle>Deploy a stack</DialogTitle>
          <DialogDescription>
            A compose file, run as a Compose project of this name. It is checked first, and nothing runs until
            it passes. Images must be on the engine or pullable: nothing is built here, and paths must be
            absolute.
          </DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <FormError message={fileProblem ?? message} />
          <fieldset disabled={pending} className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="flex flex-col gap-4">
              <Field
                name="name"
                label="Name"
                htmlFor="stack-name"
                hint="Lowercase letters, digits, _ and -: the Compose project name."
                errors={fields.name}
              >
                <Input
                  id="stack-name"
                  value={name}
                  autoComplete="off"
                  onChange={(event) => setName(event.target.value)}
                  {...invalidProps(fields.name, "name")}
                />
              </Field>
              <Field name="compose" label="Compose file" htmlFor="stack-compose" errors={undefined}>
                <Textarea
                  id="stack-compose"
                  value={compose}
                  spellCheck={false}
                  rows={18}
                  className="font-mono text-xs"
                  placeholder={"services:\n  web:\n    image: nginx:1.27\n    ports: ['8080:80']"}
                  onChange={(event) => setCompose(event.target.value)}
                />
              </Field>
              <div>
                <input
                  ref={upload}
                  type="file"
                  accept=".yml,.yaml,application/yaml,text/yaml"
                  className="hidden"
                  data-testid="stack-upload"
                  onChange={(event) => {
                    void read(event.target.files?.[0]);
                    event.target.value = "";
                  }}
                />
                <Button type="button" variant="outline" size="sm" onClick={() => upload.current?.click()}>
                  <Upload aria-hidden /> Upload a .yml file
                </Button>
              </div>
            </div>
            <div className="flex flex-col gap-3">
              <ComposeProblems fields={fields} />
              {output && (
                <div role="alert" className="flex flex-col gap-1">
                  <p className="text-sm font-medium text-destructive">What the Compose tool said:</p>
                  <pre
                    className="max-h-80 overflow-auto rounded-md bg-muted p-2 font-mono text-xs whitespace-pre-wrap"
                    data-testid="compose-output"
                  >
                    {output}
                  </pre>
                </div>
              )}
            </div>
          </fieldset>
          <DialogFooter>
            <Button type="submit" disabled={pending || !name.trim() || !compose.trim()}>
              {pending && <Loader2 className="animate-spin" aria-hidden />}
              {pending ? "Deploying…" : "Deploy"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
