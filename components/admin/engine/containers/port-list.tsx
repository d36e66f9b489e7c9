import type { PortView } from "@/lib/engine/containers/container-view";

/** "127.0.0.1:32768→8080/tcp", or "8081/tcp" for a port that is only exposed. */
export function portText(port: PortView): string {
  const inside = `${port.private_port}/${port.protocol}`;
  if (port.public_port === null) return inside;
  return `${port.host_ip ?? "0.0.0.0"}:${port.public_port}→${inside}`;
}

export function PortList({ ports }: { ports: PortView[] }) {
  if (ports.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="flex flex-col font-mono text-xs">
      {ports.map((port) => (
        <li key={portText(port)}>{portText(port)}</li>
      ))}
    </ul>
  );
}
