"use client";

import { optionsOf, type TemplateFormState } from "@/components/admin/templates/template-form-state";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Field, FieldError, invalidProps } from "@/components/workspaces/field";

type Errors = Record<string, string[]>;

/** The errors of the options ("volume.options" and each "volume.options.<name>"), all under the one text box. */
function optionErrors(errors: Errors): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === "volume.options" || key.startsWith("volume.options."))
    .flatMap(([key, messages]) =>
      key === "volume.options"
        ? messages
        : // Said which option, unless the message names it already.
          messages.map((message) => {
            const name = key.slice("volume.options.".length);
            return message.includes(`"${name}`) ? message : `${name}: ${message}`;
          }),
    );
}

/** The data volume's driver, its options and whether every node reaches its data. */
export function TemplateVolumeFields({
  state,
  errors,
  onChange,
}: {
  state: TemplateFormState;
  errors: Errors;
  onChange: (patch: Partial<TemplateFormState>) => void;
}) {
  const options = optionErrors(errors);
  return (
    <fieldset className="flex flex-col gap-3" data-field="volume">
      <legend className="mb-2 text-sm font-medium">Data volume</legend>
      <FieldError messages={errors.volume} name="volume" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          name="volume.driver"
          label="Volume driver"
          htmlFor="template-volume-driver"
          hint="local, or a volume plugin installed on every node, such as vieux/sshfs."
          errors={errors["volume.driver"]}
        >
          <Input
            id="template-volume-driver"
            value={state.volume_driver}
            onChange={(event) => onChange({ volume_driver: event.target.value })}
            {...invalidProps(errors["volume.driver"], "volume.driver")}
          />
        </Field>
        <Field
          name="volume.options"
          label="Driver options"
          htmlFor="template-volume-options"
          hint="One name=value a line; {volume} is each workspace's volume name. Applies to new volumes only."
          errors={options}
        >
          <Textarea
            id="template-volume-options"
            className="font-mono text-xs"
            placeholder={"type=nfs\no=addr=10.0.0.5,rw,nfsvers=4\ndevice=:/exports/spawner/{volume}"}
            value={state.volume_options}
            onChange={(event) => onChange({ volume_options: event.target.value })}
            {...invalidProps(options, "volume.options")}
          />
        </Field>
      </div>
      <div className="flex flex-col gap-1" data-field="volume.shared">
        <div className="flex items-center gap-2">
          <Checkbox
            id="template-volume-shared"
            checked={state.volume_shared}
            onCheckedChange={(checked) => onChange({ volume_shared: checked === true })}
          />
          <Label htmlFor="template-volume-shared">Shared: every node reaches the same data</Label>
        </div>
        <p className="text-xs text-muted-foreground">
          On a Swarm, a shared workspace is not pinned to the node its volume was made on (NFS and the like).
        </p>
        <FieldError messages={errors["volume.shared"]} name="volume.shared" />
      </div>
    </fieldset>
  );
}

/** The keys these fields show (each option's name as typed, for the errors at it). */
export function placedVolumeKeys(state: TemplateFormState): string[] {
  return [
    "volume",
    "volume.driver",
    "volume.options",
    "volume.shared",
    ...Object.keys(optionsOf(state.volume_options)).map((key) => `volume.options.${key}`),
  ];
}
