// The account a container's processes run as: its image's USER resolved against its own /etc/passwd and
// /etc/group, and the HOME those processes get (an image's ENV HOME wins, as in Docker itself). HOME is read from
// the image, never from the container: a workspace's own variables may set HOME, and secret files under "~/" must
// not follow it to /etc.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { readFile } from "@/lib/runtime/docker/files";
import { inspectImage } from "@/lib/runtime/docker/images";
import type { Workload, WorkloadUser } from "@/lib/runtime/runtime";

type Account = { name: string; uid: number; gid: number; home: string };

/** Lines of /etc/passwd ("name:x:uid:gid:gecos:home:shell"). */
export function parsePasswd(text: string): Account[] {
  return text
    .split("\n")
    .map((line) => line.split(":"))
    .filter((parts) => parts.length >= 6)
    .map(([name = "", , uid = "", gid = "", , home = ""]) => ({
      name,
      uid: Number(uid),
      gid: Number(gid),
      home,
    }))
    .filter((account) => Number.isInteger(account.uid) && Number.isInteger(account.gid));
}

/** Lines of /etc/group ("name:x:gid:members") -> name -> gid. */
export function parseGroups(text: string): Map<string, number> {
  const groups = new Map<string, number>();
  for (const [name, , gid] of text.split("\n").map((line) => line.split(":")))
    if (name && gid && /^\d+$/.test(gid)) groups.set(name, Number(gid));
  return groups;
}

const NUMERIC = /^\d+$/;

/** Resolves Docker's USER ("", "name", "uid", "name:group", "uid:gid") the way the engine does. */
export function resolveUser(
  user: string,
  accounts: Account[],
  groups: Map<string, number>,
  envHome: string | undefined,
): WorkloadUser {
  const [who = "", group] = (user || "0").split(":");
  const account = NUMERIC.test(who)
    ? accounts.find((candidate) => candidate.uid === Number(who))
    : accounts.find((candidate) => candidate.name === who);
  if (!account && !NUMERIC.test(who))
    throw new AppError("CONTAINER_START_FAILED", `The image's user "${who}" is not in its /etc/passwd.`);
  const uid = account?.uid ?? Number(who);
  // Docker gives a uid without a passwd entry group 0 (root), not a group of the same number.
  let gid = account?.gid ?? 0;
  if (group !== undefined) {
    const named = NUMERIC.test(group) ? Number(group) : groups.get(group);
    if (named === undefined)
      throw new AppError("CONTAINER_START_FAILED", `The image's group "${group}" is not in its /etc/group.`);
    gid = named;
  }
  // Docker gives a user without a passwd entry HOME=/ (and root /root).
  const home = envHome || account?.home || (uid === 0 ? "/root" : "/");
  return { uid, gid, home };
}

// An image's user never changes (a new image version has a new id): resolved once per image, USER and HOME.
const resolved = new Map<string, WorkloadUser>();

/** An image's own ENV HOME (not a container's, which a workspace's variables can set). */
async function imageHome(docker: Docker, image: string): Promise<string | undefined> {
  const info = await inspectImage<{ Config?: { Env?: string[] | null } }>(docker, image);
  return (info.Config?.Env ?? []).find((entry) => entry.startsWith("HOME="))?.slice(5) || undefined;
}

export async function userOf(docker: Docker, workload: Workload): Promise<WorkloadUser> {
  const spec = workload.user?.spec ?? "";
  const image = workload.imageId ?? workload.image;
  const key = `${image}|${spec}`;
  const known = resolved.get(key);
  if (known) return known;
  const needsGroups = spec.includes(":") || (spec !== "" && !/^\d+$/.test(spec));
  const [passwd, group, home] = await Promise.all([
    readFile(docker, workload.id, "/etc/passwd"),
    needsGroups ? readFile(docker, workload.id, "/etc/group") : Promise.resolve(null),
    imageHome(docker, image),
  ]);
  const user = resolveUser(
    spec,
    parsePasswd(passwd?.toString("utf8") ?? ""),
    parseGroups(group?.toString("utf8") ?? ""),
    home,
  );
  // Only a container that never ran still holds its image's /etc/passwd: one that ran may have had it changed
  // by its user, and what is remembered here applies to every workspace of the image.
  if (!workload.startedAt) resolved.set(key, user);
  return user;
}
