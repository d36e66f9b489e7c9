// The routers Traefik's Docker provider would build from the labels on the engine's running containers, for the
// test proxy (tests/support/workspace-proxy.ts). Only what the app writes is understood; anything else throws, so
// a new label can't be silently ignored by the stand-in while real Traefik would act on it.
import type Docker from "dockerode";

export type ForwardAuth = {
  kind: "forwardauth";
  address: string;
  authResponseHeaders: string[];
  addAuthCookiesToResponse: string[];
};
/** customRequestHeaders / customResponseHeaders: an empty value removes the header. */
export type Headers = { kind: "headers"; request: Record<string, string>; response: Record<string, string> };
export type Middleware = ForwardAuth | Headers;
export type Router = {
  name: string;
  host: string;
  middlewares: Middleware[];
  upstream: { address: string; port: number };
};

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** Label keys are case-insensitive to Traefik (header names keep their case as values go out). */
function middlewaresOf(labels: Record<string, string>, into: Map<string, Middleware>): void {
  for (const [key, value] of Object.entries(labels)) {
    const match = /^traefik\.http\.middlewares\.([^.]+)\.([^.]+)\.(.+)$/i.exec(key);
    if (!match) continue;
    const [, name = "", type = "", option = ""] = match;
    const kind = type.toLowerCase();
    if (kind === "forwardauth") {
      const found = (into.get(name) ?? {
        kind,
        address: "",
        authResponseHeaders: [],
        addAuthCookiesToResponse: [],
      }) as ForwardAuth;
      const field = option.toLowerCase();
      if (field === "address") found.address = value;
      else if (field === "authresponseheaders") found.authResponseHeaders = list(value);
      else if (field === "addauthcookiestoresponse") found.addAuthCookiesToResponse = list(value);
      else throw new Error(`the test proxy does not implement forwardAuth.${option} (${key})`);
      into.set(name, found);
    } else if (kind === "headers") {
      const found = (into.get(name) ?? { kind, request: {}, response: {} }) as Headers;
      const header = /^(customrequestheaders|customresponseheaders)\.(.+)$/i.exec(option);
      if (!header?.[1] || !header[2]) throw new Error(`the test proxy does not implement headers.${option}`);
      found[header[1].toLowerCase() === "customrequestheaders" ? "request" : "response"][header[2]] = value;
      into.set(name, found);
    } else throw new Error(`the test proxy does not implement the ${type} middleware (${key})`);
  }
}

/** Every Host router of the running, traefik.enable'd containers carrying the prefix's managed-by label. */
export async function readRouters(docker: Docker, labelPrefix: string): Promise<Map<string, Router>> {
  const containers = await docker.listContainers({
    filters: { label: [`${labelPrefix}.managed-by`, "traefik.enable=true"] },
  });
  const middlewares = new Map<string, Middleware>();
  for (const container of containers) middlewaresOf(container.Labels, middlewares);
  const routers = new Map<string, Router>();
  for (const container of containers) {
    const labels = container.Labels;
    const network = labels["traefik.docker.network"] ?? "";
    const address = container.NetworkSettings.Networks[network]?.IPAddress;
    if (!address) continue;
    for (const [key, rule] of Object.entries(labels)) {
      const name = /^traefik\.http\.routers\.([^.]+)\.rule$/i.exec(key)?.[1];
      if (!name) continue;
      const host = /^Host\(`([^`]+)`\)$/.exec(rule)?.[1];
      if (!host) throw new Error(`the test proxy routes Host(\`…\`) rules only, not ${rule}`);
      const service = labels[`traefik.http.routers.${name}.service`] ?? name;
      const port = Number(labels[`traefik.http.services.${service}.loadbalancer.server.port`]);
      const chain = list(labels[`traefik.http.routers.${name}.middlewares`]).map((ref) => {
        const middleware = middlewares.get(ref.replace(/@docker$/, ""));
        if (!middleware) throw new Error(`router ${name} names a middleware no container defines: ${ref}`);
        return middleware;
      });
      // Traefik would route one host to one router by priority; the app never makes two, so two is a bug.
      if (routers.has(host.toLowerCase())) throw new Error(`two routers claim ${host}`);
      routers.set(host.toLowerCase(), { name, host, middlewares: chain, upstream: { address, port } });
    }
  }
  return routers;
}
