// Reads Linux's /proc/net/tcp and tcp6 tables (pure): how many connections are established on given local ports.
// Each line: "sl local_address rem_address st ...", addresses as HEXIP:HEXPORT, state 01 = ESTABLISHED.
const ESTABLISHED = "01";

export function countEstablished(table: string, ports: readonly number[]): number {
  const wanted = new Set(ports);
  let count = 0;
  for (const line of table.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || fields[3] !== ESTABLISHED) continue;
    const local = fields[1] ?? "";
    const port = Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16);
    if (wanted.has(port)) count += 1;
  }
  return count;
}
