// What a valid compose file may still not do here: the app deploys one file from an empty folder, so nothing can
// be built and no path can be relative to a project folder; and a stack needs something to run.
import type { PlacedError } from "@/lib/engine/stacks/explain-schema-errors";

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// "./data", "../x", "~/x", ".": paths from a project folder or a home folder, neither of which the engine's host has.
const RELATIVE = /^(?:\.{1,2}(?:[/\\]|$)|~)/;

const NO_FOLDER =
  "there is no project folder here: use an absolute path on the engine's machine or a named volume";

/** The source of a short-syntax mount ("./data:/data:ro"), or null for an anonymous volume ("/data"). */
function shortSource(mount: string): string | null {
  const at = mount.indexOf(":");
  return at > 0 ? mount.slice(0, at) : null;
}

function serviceRules(name: string, service: Mapping): PlacedError[] {
  const found: PlacedError[] = [];
  const at = (...rest: string[]) => ["services", name, ...rest];
  if (service.build !== undefined)
    found.push({
      segments: at("build"),
      message:
        "can't be used here: the server has no build context. Build the image first (docker build -t name .) and name it in image",
    });
  else if (service.image === undefined)
    found.push({
      segments: at("image"),
      message: "is required: each service runs an image (there is no build here)",
    });
  if (service.env_file !== undefined)
    found.push({
      segments: at("env_file"),
      message:
        "reads a file from a project folder, and there is none here: put the variables under environment",
    });
  if (isMapping(service.extends) && service.extends.file !== undefined)
    found.push({
      segments: at("extends", "file"),
      message: "names another file, and a stack here is one file: extend a service of this file instead",
    });
  if (Array.isArray(service.volumes))
    service.volumes.forEach((mount, index) => {
      const source =
        typeof mount === "string" ? shortSource(mount) : isMapping(mount) ? (mount.source as unknown) : null;
      if (typeof source === "string" && RELATIVE.test(source))
        found.push({
          segments: at("volumes", String(index)),
          message: `mounts ${JSON.stringify(source)}, a relative path: ${NO_FOLDER}`,
        });
    });
  return found;
}

/** Every refusal of the file's own content, each at its place. */
export function composeRules(config: Mapping): PlacedError[] {
  const found: PlacedError[] = [];
  const services = config.services;
  if (!isMapping(services) || Object.keys(services).length === 0)
    found.push({ segments: ["services"], message: "needs at least one service" });
  else
    for (const [name, service] of Object.entries(services))
      if (isMapping(service)) found.push(...serviceRules(name, service));
  for (const kind of ["secrets", "configs"] as const) {
    const entries = config[kind];
    if (!isMapping(entries)) continue;
    for (const [name, entry] of Object.entries(entries))
      if (isMapping(entry) && typeof entry.file === "string" && !entry.file.startsWith("/"))
        found.push({
          segments: [kind, name, "file"],
          message: `is a relative path: ${NO_FOLDER.replace(" or a named volume", "")}`,
        });
  }
  return found;
}
