// The Swarm phase's second image: the lab's workspace image with its data folder made in the image (owned by the
// user), so a fresh volume there is the user's at once and neither raw Swarm nor the app has a folder to prepare.
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { LAB_WORKSPACE_IMAGE, type SwarmLab } from "../../tests/support/swarm-lab";

const run = promisify(execFile);

export const DATA_READY_IMAGE = "lab/ws-data:1";

/** Builds DATA_READY_IMAGE on the manager (classic builder) and loads it into the other nodes. */
export async function buildDataReadyImage(lab: SwarmLab): Promise<void> {
  const context = path.join(lab.dir, "ws-data-image");
  // COPY of a folder makes the destination with --chown's owner; the marker keeps the folder from being empty.
  mkdirSync(path.join(context, "workspace"), { recursive: true });
  writeFileSync(path.join(context, "workspace/.keep"), "");
  writeFileSync(
    path.join(context, "Dockerfile"),
    `FROM ${LAB_WORKSPACE_IMAGE}\nCOPY --chown=1000:1000 workspace/ /workspace/\n`,
  );
  const [manager, ...others] = lab.nodes.map((node) => ["-H", `unix://${node.socketPath}`]);
  const env = { ...process.env, DOCKER_BUILDKIT: "0" };
  await run("docker", [...(manager ?? []), "build", "-q", "-t", DATA_READY_IMAGE, context], { env });
  const tar = path.join(lab.dir, "ws-data.tar");
  await run("docker", [...(manager ?? []), "save", "-o", tar, DATA_READY_IMAGE]);
  await Promise.all(others.map((host) => run("docker", [...host, "load", "-q", "-i", tar])));
}
