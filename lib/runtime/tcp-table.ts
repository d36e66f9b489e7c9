// Reads Linux's /proc/net/tcp and tcp6 tables (pure): how many connections are established on given local ports
// from elsewhere. Each line: "sl local_address rem_address st ...", addresses as HEXIP:HEXPORT, state 01 =
// ESTABLISHED. Connections from the workload to itself (loopback) are not someone using it.
const ESTABLISHED = "01";

/** 127.0.0.0/8 (little-endian hex, so the last byte is 7F), ::1, and ::ffff:127.x.x.x. */
function isLoopback(address: string): boolean {
  const ip = address.slice(0, address.lastIndexOf(":")).toUpperCase();
  if (ip.length === 8) return ip.endsWith("7F");
  if (ip === "00000000000000000000000001000000") return true;
  return ip.startsWith("0000000000000000FFFF0000") && ip.endsWith("7F");
}

export function countEstablished(table: string, ports: readonly number[]): number {
  const wanted = new Set(ports);
  let count = 0;
  for (const line of table.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || fields[3] !== ESTABLISHED) continue;
    const local = fields[1] ?? "";
    const port = Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16);
    if (wanted.has(port) && !isLoopback(fields[2] ?? "")) count += 1;
  }
  return count;
}
