"use client";

import { useState } from "react";
import { CreateDialog } from "@/components/admin/engine/system/create-dialog";
import { parseLabels } from "@/components/admin/engine/system/labels-input";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field, invalidProps } from "@/components/workspaces/field";
import { VOLUME_NAME } from "@/lib/validations/engine-objects";

export function CreateVolumeDialog() {
  const [name, setName] = useState("");
  const [driver, setDriver] = useState("local");
  const [labels, setLabels] = useState("");
  return (
    <CreateDialog
      title="Create a volume"
      description="A named volume on this engine. Workspaces make their own data volumes: this is for anything else."
      path="/api/v1/admin/engine/volumes"
      body={() => ({ name: name.trim(), driver: driver.trim() || "local", labels: parseLabels(labels) })}
      valid={VOLUME_NAME.test(name.trim())}
      onCreated={() => {
        setName("");
        setLabels("");
      }}
    >
      {(errors) => (
        <>
          <Field name="name" label="Name" htmlFor="volume-name" errors={errors.name}>
            <Input
              id="volume-name"
              value={name}
              autoComplete="off"
              onChange={(event) => setName(event.target.value)}
              {...invalidProps(errors.name, "name")}
            />
          </Field>
          <Field name="driver" label="Driver" htmlFor="volume-driver" errors={errors.driver}>
            <Input
              id="volume-driver"
              value={driver}
              onChange={(event) => setDriver(event.target.value)}
              {...invalidProps(errors.driver, "driver")}
            />
          </Field>
          <Field
            name="labels"
            label="Labels (key=value, one a line)"
            htmlFor="volume-labels"
            errors={errors.labels}
          >
            <Textarea
              id="volume-labels"
              rows={3}
              value={labels}
              onChange={(event) => setLabels(event.target.value)}
              {...invalidProps(errors.labels, "labels")}
            />
          </Field>
        </>
      )}
    </CreateDialog>
  );
}
