// A template's volume driver: the schema's refusals, what is stored, what counts as a new version, and what the
// workload spec and the engines' create options carry for one workspace ({volume} replaced). Pure, tested as data.
import { describe, expect, it } from "vitest";
import { optionsOf } from "@/components/admin/templates/template-form-state";
import { parseEnv } from "@/lib/env";
import { buildCreateOptions } from "@/lib/runtime/docker/create-options";
import { serviceSpecFor } from "@/lib/runtime/swarm/service-spec";
import { seededTemplateRows } from "@/lib/templates/seeded-templates";
import { templateFromRow } from "@/lib/templates/template";
import { madeFromChanges } from "@/lib/templates/template-version";
import { volumeColumns, volumeFromColumns } from "@/lib/templates/template-volume";
import { fieldErrors } from "@/lib/validations/field-errors";
import { templateInputSchema, templatePatchSchema } from "@/lib/validations/template";
import { EMPTY_SETTINGS } from "@/lib/workspaces/settings";
import { workloadSpecFor } from "@/lib/workspaces/workload-spec";

const NFS = {
  driver: "local",
  options: { type: "nfs", o: "addr=10.0.0.5,rw,nfsvers=4", device: ":/exports/spawner/{volume}" },
  shared: true,
};
const good = {
  name: "tools",
  display_name: "Tools",
  image: "spawner-dev:latest",
  apps: [{ name: "web", port: 8080, primary: true }],
  limits: { default: { memory_mb: 64, cpus: 0.5, pids: 64 }, max: { memory_mb: 128, cpus: 1, pids: 128 } },
};
const errorsOf = (volume: unknown) => {
  const result = templateInputSchema.safeParse({ ...good, volume });
  return result.success ? {} : fieldErrors(result.error);
};

describe("template volume input", () => {
  it("is local, without options, not shared, unless said", () => {
    expect(templateInputSchema.parse(good).volume).toEqual({ driver: "local", options: {}, shared: false });
    expect(templateInputSchema.parse({ ...good, volume: NFS }).volume).toEqual(NFS);
    expect(templatePatchSchema.parse({ volume: { driver: "vieux/sshfs" } })).toEqual({
      volume: { driver: "vieux/sshfs", options: {}, shared: false },
    });
  });

  it.each(["local", "vieux/sshfs", "rexray/ebs:latest", "registry.example.com:5000/team/nfs-driver:1.2"])(
    "takes the driver %s",
    (driver) => {
      expect(errorsOf({ driver })).toEqual({});
    },
  );

  it.each(["", "Local", "vieux sshfs", "/sshfs", "sshfs/", "a:", "a//b", "rexray/ebs:la test"])(
    "refuses the driver %j at volume.driver",
    (driver) => {
      expect(Object.keys(errorsOf({ driver }))).toEqual(["volume.driver"]);
    },
  );

  it("names every bad option by its name, all at once", () => {
    const errors = errorsOf({
      driver: "vieux/sshfs",
      options: {
        "bad key": "x",
        ["k".repeat(65)]: "x",
        long: "v".repeat(513),
        newline: "a\nb",
        typo: ":/exports/{Volume}",
        number: 5,
        fine: "",
      },
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        "volume.options.bad key",
        `volume.options.${"k".repeat(65)}`,
        "volume.options.long",
        "volume.options.newline",
        "volume.options.typo",
        "volume.options.number",
      ].sort(),
    );
    expect(errors["volume.options.bad key"]?.join(" ")).toContain('"bad key" is no option name');
    expect(errors["volume.options.typo"]?.join(" ")).toContain("{volume}");
  });

  it("takes 16 options and refuses 17, and a shared flag that is no boolean", () => {
    const options = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`o${i}`, "v"]));
    expect(errorsOf({ driver: "vieux/sshfs", options: options(16) })).toEqual({});
    expect(errorsOf({ driver: "vieux/sshfs", options: options(17) })).toEqual({
      "volume.options": ["At most 16 options."],
    });
    expect(Object.keys(errorsOf({ shared: "yes" }))).toEqual(["volume.shared"]);
    expect(Object.keys(errorsOf("nfs"))).toEqual(["volume"]);
  });

  it("refuses a local volume that would be a host folder or disk: a bind, or a type other than a network or memory one", () => {
    expect(errorsOf({ options: { type: "none", o: "bind", device: "/" } })).toEqual({
      "volume.options.type": [
        "With the local driver, type is one of tmpfs, nfs, nfs4, cifs, smb3: a host folder or disk is never a workspace's.",
      ],
      "volume.options.o": ["A bind mount of a host folder is never a workspace's volume."],
    });
    expect(Object.keys(errorsOf({ options: { type: "ext4", device: "/dev/vda1" } }))).toEqual([
      "volume.options.type",
    ]);
    expect(
      Object.keys(errorsOf({ options: { type: "nfs", o: "addr=10.0.0.5,rbind", device: ":/x" } })),
    ).toEqual(["volume.options.o"]);
    expect(errorsOf({ options: { type: "tmpfs", device: "tmpfs", o: "size=16m,uid=1000" } })).toEqual({});
    // Another driver's options are its own to judge.
    expect(errorsOf({ driver: "vieux/sshfs", options: { sshcmd: "u@h:/p", o: "bind" } })).toEqual({});
  });

  it("reads the form's lines as name=value, split at the first =, a line without one as no value", () => {
    expect(optionsOf("type=nfs\n\n o = addr=10.0.0.5,rw \ndevice=:/x/{volume}\nbroken")).toEqual({
      type: "nfs",
      o: "addr=10.0.0.5,rw",
      device: ":/x/{volume}",
      broken: null,
    });
    expect(Object.keys(errorsOf({ driver: "vieux/sshfs", options: optionsOf("broken") }))).toEqual([
      "volume.options.broken",
    ]);
  });
});

describe("template volume columns and versions", () => {
  it("stores the local default as nulls, and reads nulls and a hand-broken column back", () => {
    expect(volumeColumns({ driver: "local", options: {}, shared: false })).toEqual({
      volumeDriver: null,
      volumeOptions: null,
      volumeShared: null,
    });
    expect(volumeFromColumns(volumeColumns(NFS))).toEqual(NFS);
    expect(volumeFromColumns({})).toEqual({ driver: "local", options: {}, shared: false });
    expect(volumeFromColumns({ volumeOptions: "[1]" })).toMatchObject({ unreadable: true });
  });

  it("counts a new driver, options or sharing as a new version, not the options' order", () => {
    const base = {
      image: "a:1",
      apps: '[{"name":"web","port":8080,"primary":true}]',
      dataPath: "/workspace",
    };
    const nfs = { ...base, ...volumeColumns(NFS) };
    expect(madeFromChanges(base, { ...base, volumeDriver: null, volumeShared: null })).toEqual([]);
    expect(madeFromChanges(base, nfs)).toEqual(["volume"]);
    expect(madeFromChanges(nfs, { ...nfs, volumeShared: null })).toEqual(["volume"]);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(NFS.options).reverse()));
    expect(madeFromChanges(nfs, { ...nfs, volumeOptions: reordered })).toEqual([]);
  });
});

describe("a workspace's volume from its template", () => {
  const env = parseEnv({ AUTH_SECRET: "s".repeat(32) });
  const seeded = seededTemplateRows(env).find((row) => row.name === "dev");
  if (!seeded) throw new Error("seeded template missing");
  const workspace = {
    id: "w1",
    name: "dev",
    routeKey: "ada-dev",
    hostKey: "ada-dev",
    workloadName: "ws-ada-dev-w1",
    volumeName: "ws-ada-dev-w1",
    settings: EMPTY_SETTINGS,
  };
  const owner = { id: "cm1abc", slug: "ada" };
  const specOf = (template: ReturnType<typeof templateFromRow>) =>
    workloadSpecFor(env, workspace, owner, template);

  it("carries the driver with {volume} replaced by the workspace's volume name, and shared", () => {
    const spec = specOf(templateFromRow({ ...seeded, id: "t", ...volumeColumns(NFS) }));
    expect(spec.volume).toMatchObject({
      name: "ws-ada-dev-w1",
      target: "/workspace",
      driver: {
        name: "local",
        options: { type: "nfs", o: "addr=10.0.0.5,rw,nfsvers=4", device: ":/exports/spawner/ws-ada-dev-w1" },
      },
      shared: true,
    });
    const driverConfig = {
      Name: "local",
      Options: { type: "nfs", o: "addr=10.0.0.5,rw,nfsvers=4", device: ":/exports/spawner/ws-ada-dev-w1" },
    };
    expect(buildCreateOptions(spec).HostConfig?.Mounts?.[0]?.VolumeOptions?.DriverConfig).toEqual(
      driverConfig,
    );
    const service = serviceSpecFor(spec, { replicas: 0 });
    expect(service.TaskTemplate.ContainerSpec.Mounts[0]?.VolumeOptions?.DriverConfig).toEqual(driverConfig);
  });

  it("keeps a seeded template local and unshared, and names no driver for a volume that exists", () => {
    const spec = specOf(templateFromRow({ ...seeded, id: "t" }));
    expect(spec.volume).toMatchObject({ driver: { name: "local", options: {} }, shared: false });
    const nfs = specOf(templateFromRow({ ...seeded, id: "t", ...volumeColumns(NFS) }));
    const mount = buildCreateOptions(nfs, { volumeExists: true }).HostConfig?.Mounts?.[0];
    expect(mount).toMatchObject({ Source: "ws-ada-dev-w1", VolumeOptions: { NoCopy: false } });
    expect(mount?.VolumeOptions).not.toHaveProperty("DriverConfig");
  });
});
