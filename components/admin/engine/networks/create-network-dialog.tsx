"use client";

import { useState } from "react";
import { CreateDialog } from "@/components/admin/engine/system/create-dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Field, FieldError, invalidProps } from "@/components/workspaces/field";
import { OBJECT_NAME } from "@/lib/validations/engine-objects";

/** A bridge on this engine, or (on a Swarm manager) an attachable overlay across the nodes. */
export function CreateNetworkDialog({ swarm }: { swarm: boolean }) {
  const [name, setName] = useState("");
  const [driver, setDriver] = useState<"bridge" | "overlay">("bridge");
  const [internal, setInternal] = useState(false);
  const [subnet, setSubnet] = useState("");
  return (
    <CreateDialog
      title="Create a network"
      description={
        swarm
          ? "A bridge on this engine, or an overlay across the Swarm (attachable: plain containers may join it)."
          : "A bridge on this engine. Overlay networks need a Swarm, which this engine is not a manager of."
      }
      path="/api/v1/admin/engine/networks"
      body={() => ({
        name: name.trim(),
        driver,
        internal,
        ...(subnet.trim() ? { subnet: subnet.trim() } : {}),
      })}
      valid={OBJECT_NAME.test(name.trim())}
      onCreated={() => {
        setName("");
        setSubnet("");
      }}
    >
      {(errors) => (
        <>
          <Field name="name" label="Name" htmlFor="network-name" errors={errors.name}>
            <Input
              id="network-name"
              value={name}
              autoComplete="off"
              onChange={(event) => setName(event.target.value)}
              {...invalidProps(errors.name, "name")}
            />
          </Field>
          <Field name="driver" label="Driver" htmlFor="network-driver" errors={errors.driver}>
            <NativeSelect
              id="network-driver"
              value={driver}
              onChange={(event) => setDriver(event.target.value === "overlay" ? "overlay" : "bridge")}
              {...invalidProps(errors.driver, "driver")}
            >
              <option value="bridge">bridge</option>
              <option value="overlay" disabled={!swarm}>
                overlay{swarm ? "" : " (needs a Swarm)"}
              </option>
            </NativeSelect>
          </Field>
          <Field name="subnet" label="Subnet (optional)" htmlFor="network-subnet" errors={errors.subnet}>
            <Input
              id="network-subnet"
              value={subnet}
              placeholder="10.42.0.0/24"
              onChange={(event) => setSubnet(event.target.value)}
              {...invalidProps(errors.subnet, "subnet")}
            />
          </Field>
          <div className="flex flex-col gap-1.5" data-field="internal">
            <div className="flex items-center gap-2">
              <Checkbox
                id="network-internal"
                checked={internal}
                onCheckedChange={(value) => setInternal(value === true)}
              />
              <Label htmlFor="network-internal">Internal (no way out of it)</Label>
            </div>
            <FieldError messages={errors.internal} name="internal" />
          </div>
        </>
      )}
    </CreateDialog>
  );
}
