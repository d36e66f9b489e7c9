"use client";

import { Check, Copy } from "lucide-react";
import { useRef, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** The one time a new token is shown: copy it, and how to use it. It lives only in this component's props. */
export function NewToken({
  name,
  token,
  appUrl,
  onDone,
}: {
  name: string;
  token: string;
  appUrl: string;
  onDone: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  async function copyToken() {
    try {
      await navigator.clipboard.writeText(token);
      setCopy("copied");
    } catch {
      // No clipboard (a plain-http address, a denied permission): leave it selected for Ctrl+C.
      input.current?.select();
      setCopy("failed");
    }
  }
  return (
    <Alert data-testid="new-token" className="grid-cols-1">
      <AlertTitle className="col-start-1">Token {name} created</AlertTitle>
      <AlertDescription className="col-start-1 flex flex-col gap-3">
        <p className="font-medium text-foreground">Copy it now: it won't be shown again.</p>
        <div className="flex gap-2">
          <Input
            ref={input}
            readOnly
            value={token}
            aria-label="New API token"
            className="font-mono"
            onFocus={(event) => event.target.select()}
          />
          <Button type="button" variant="outline" onClick={copyToken}>
            {copy === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
            {copy === "copied" ? "Copied" : "Copy"}
          </Button>
        </div>
        <p aria-live="polite" className="text-xs">
          {copy === "failed" && "Copying is not allowed here: the token is selected, copy it with Ctrl+C."}
        </p>
        <p>Send it as a Bearer token, for example:</p>
        <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs text-foreground">
          <code data-testid="token-usage">{`curl -H "Authorization: Bearer ${token}" ${appUrl}/api/v1/workspaces`}</code>
        </pre>
        <Button type="button" variant="secondary" size="sm" className="w-fit" onClick={onDone}>
          Hide it
        </Button>
      </AlertDescription>
    </Alert>
  );
}
