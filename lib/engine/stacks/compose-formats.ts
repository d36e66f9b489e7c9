// The formats the Compose schema names (the same ones docker-compose checks: ports, expose, durations, subnets),
// with what is wrong in words. A value with "$" is left to the tool: it is interpolated before Compose reads it.

const PORT = "\\d{1,5}(?:-\\d{1,5})?";
const HOST_IP = "(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:]+:?)";
// [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]; HOST_PORT may be empty ("127.0.0.1::80").
const PORTS = new RegExp(`^(?:(?:${HOST_IP}:)?(?:${PORT})?:)?${PORT}(?:/(?:tcp|udp|sctp))?$`);
const EXPOSE = new RegExp(`^${PORT}(?:/(?:tcp|udp|sctp))?$`);
// Go's durations, as Compose reads them: 30s, 1m30s, 1h, 500ms, 1.5h.
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const IPV4_CIDR = /^(?:\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/;
const IPV6_CIDR = /^[0-9A-Fa-f:.]+\/\d{1,3}$/;

const interpolated = (value: string) => value.includes("$");

/** Format checks for strings (a number in a "ports" list is a container port and needs none). */
export const COMPOSE_FORMATS = {
  ports: (value: string) => interpolated(value) || PORTS.test(value),
  expose: (value: string) => interpolated(value) || EXPOSE.test(value),
  duration: (value: string) => interpolated(value) || DURATION.test(value),
  subnet_ip_address: (value: string) => interpolated(value) || IPV4_CIDR.test(value) || IPV6_CIDR.test(value),
};

/** What a value of each format should look like, for the error next to it. */
export const FORMAT_HINTS: Record<string, string> = {
  ports: "is not a port mapping such as 8080, 8080:80, 127.0.0.1:8080:80 or 5000-5010:5000-5010/udp",
  expose: "is not a port such as 8080 or 8080/udp",
  duration: "is not a duration such as 30s, 1m30s or 1h",
  subnet_ip_address: "is not an address range in CIDR form, such as 10.1.0.0/24",
};
