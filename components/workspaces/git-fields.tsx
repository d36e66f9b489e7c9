"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field, FieldError, invalidProps } from "@/components/workspaces/field";
import type { Errors } from "@/components/workspaces/form-errors";
import type { GitState } from "@/components/workspaces/form-state";
import { formatTime } from "@/components/workspaces/format";

/** A saved token is never shown: only that there is one, to keep, replace or remove. */
function SavedToken({ git, onChange }: { git: GitState; onChange: (patch: Partial<GitState>) => void }) {
  if (git.tokenAction === "remove")
    return (
      <div className="flex items-center gap-2 text-sm">
        <span className="text-muted-foreground">The token is removed when you save.</span>
        <Button type="button" variant="ghost" size="sm" onClick={() => onChange({ tokenAction: "keep" })}>
          Undo
        </Button>
      </div>
    );
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span data-testid="token-saved">A token is saved.</span>
      <Button type="button" variant="outline" size="sm" onClick={() => onChange({ tokenAction: "replace" })}>
        Replace
      </Button>
      <Button
        type="button"
        variant="outline"
        size="sm"
        onClick={() => onChange({ tokenAction: "remove", token: "" })}
      >
        Remove
      </Button>
    </div>
  );
}

/** The repository cloned into the data folder on the first start, and how to reach it. */
export function GitFields({
  git,
  errors,
  savedToken = false,
  clonedAt = null,
  onChange,
}: {
  git: GitState;
  errors: Errors;
  savedToken?: boolean;
  clonedAt?: string | null;
  onChange: (patch: Partial<GitState>) => void;
}) {
  const id = useId();
  const showTokenInput = !savedToken || git.tokenAction === "replace";
  return (
    <fieldset className="flex flex-col gap-3" data-field="git">
      <legend className="mb-1.5 text-sm font-medium">Git repository</legend>
      {clonedAt && (
        <p className="text-sm text-muted-foreground" data-testid="git-cloned">
          Cloned {formatTime(clonedAt)}. A new URL or branch is cloned only into a new workspace.
        </p>
      )}
      <Field name="git.url" label="Repository URL" htmlFor={`${id}-url`} errors={errors["git.url"]}>
        <Input
          id={`${id}-url`}
          type="url"
          placeholder="https://github.com/you/project.git"
          value={git.url}
          onChange={(event) => onChange({ url: event.target.value })}
          {...invalidProps(errors["git.url"], "git.url")}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="git.branch" label="Branch" htmlFor={`${id}-branch`} errors={errors["git.branch"]}>
          <Input
            id={`${id}-branch`}
            placeholder="The default branch"
            value={git.branch}
            onChange={(event) => onChange({ branch: event.target.value })}
            {...invalidProps(errors["git.branch"], "git.branch")}
          />
        </Field>
        <Field
          name="git.username"
          label="Username"
          htmlFor={`${id}-username`}
          errors={errors["git.username"]}
        >
          <Input
            id={`${id}-username`}
            autoComplete="off"
            placeholder="git"
            value={git.username}
            onChange={(event) => onChange({ username: event.target.value })}
            {...invalidProps(errors["git.username"], "git.username")}
          />
        </Field>
      </div>
      <Field
        name="git.token"
        label="Access token"
        htmlFor={`${id}-token`}
        hint="For a private repository. Stored encrypted; never shown again."
        errors={errors["git.token"]}
      >
        {savedToken && <SavedToken git={git} onChange={onChange} />}
        {showTokenInput && (
          <Input
            id={`${id}-token`}
            type="password"
            autoComplete="new-password"
            value={git.token}
            onChange={(event) => onChange({ token: event.target.value })}
            {...invalidProps(errors["git.token"], "git.token")}
          />
        )}
      </Field>
      <FieldError messages={errors.git} name="git" />
    </fieldset>
  );
}
