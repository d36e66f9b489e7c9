// How many connections a process holds open to the Docker socket, as the kernel sees them (ss -xp).
import { execFileSync } from "node:child_process";

export function dockerConnections(pid: number): number {
  const rows = execFileSync("ss", ["-xpn"], { encoding: "utf8" }).split("\n");
  // Server-side ends of the daemon's socket: "…/docker.sock <inode> * <peer>".
  const daemonInodes = new Set(
    rows
      .map((row) => row.trim().split(/\s+/))
      .filter((cols) => cols[4]?.endsWith("docker.sock"))
      .map((cols) => cols[5]),
  );
  return rows
    .filter((row) => row.includes(`pid=${pid},`))
    .filter((row) => daemonInodes.has(row.trim().split(/\s+/)[7])).length;
}
