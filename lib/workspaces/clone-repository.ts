// The first start's clone: a helper container (GIT_HELPER_IMAGE) runs as the workspace's user with its volume at
// the data path. The token reaches it as a credentials file written before it starts, never as an argument or
// environment; git's message comes back with every credential scrubbed.
import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { WorkloadUser } from "@/lib/runtime/runtime";
import { helperLabels } from "@/lib/workspaces/labels";
import { escapeDockerName } from "@/lib/workspaces/names";
import type { WorkspaceSettings } from "@/lib/workspaces/settings";

/** git's output without anything that could be a credential: userinfo in URLs and the token itself. */
export function scrubGitOutput(output: string, secrets: string[]): string {
  let text = output.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1***@");
  for (const secret of secrets) if (secret) text = text.split(secret).join("***");
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(-8)
    .join("\n")
    .slice(0, 1500);
}

/** A git-credential-store line: scheme://user:token@host, percent-encoded. */
export function credentialLine(url: string, username: string, token: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${encodeURIComponent(username)}:${encodeURIComponent(token)}@${parsed.host}\n`;
}

export async function cloneRepository(input: {
  workspace: { id: string; ownerId: string; workloadName: string; volumeName: string };
  git: NonNullable<WorkspaceSettings["git"]>;
  token: string | null;
  user: WorkloadUser;
  dataPath: string;
}): Promise<void> {
  const env = getEnv();
  const { workspace, git, token, user } = input;
  const files = token
    ? [
        {
          type: "file" as const,
          path: "/tmp/.git-credentials",
          content: Buffer.from(credentialLine(git.url, git.username ?? "git", token)),
          mode: 0o600,
          uid: user.uid,
          gid: user.gid,
        },
      ]
    : [];
  const result = await getRuntime().runTask({
    name: escapeDockerName(`${workspace.workloadName}-clone`),
    image: env.GIT_HELPER_IMAGE,
    command: [],
    user: `${user.uid}:${user.gid}`,
    env: {
      REPO: git.url,
      BRANCH: git.branch ?? "",
      DEST: input.dataPath,
      HOME: "/tmp",
      GIT_TERMINAL_PROMPT: "0",
    },
    labels: helperLabels(env.LABEL_PREFIX, { workspaceId: workspace.id, ownerId: workspace.ownerId }),
    network: env.CONTAINER_NETWORK,
    volume: { name: workspace.volumeName, target: input.dataPath },
    files,
    limits: { memoryBytes: 512 * 1024 * 1024, cpus: 1, pidsLimit: 256 },
    timeoutMs: env.GIT_CLONE_TIMEOUT_MS,
  });
  if (result.exitCode !== 0) {
    const message = scrubGitOutput(result.output, token ? [token, encodeURIComponent(token)] : []);
    throw new AppError(
      "GIT_CLONE_FAILED",
      `The repository could not be cloned: ${message || `git exited with ${result.exitCode}`}`,
    );
  }
}
