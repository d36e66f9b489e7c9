// A loopback stand-in for Traefik's PathPrefix router + StripPrefix middleware: /{prefix}/x reaches the target as
// /x with X-Forwarded-Prefix set; a path no route claims gets a 404 (in production it would reach the app).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type StripPrefixProxy = { url: string; close: () => Promise<void> };

/** routes: path prefix (e.g. /ada-prod) -> target origin (e.g. http://127.0.0.1:49153). */
export async function startStripPrefixProxy(routes: Record<string, string>): Promise<StripPrefixProxy> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy");
    const prefix = Object.keys(routes).find((candidate) => url.pathname.startsWith(candidate));
    if (!prefix) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`no route for ${url.pathname}`);
      return;
    }
    // Like Traefik: the prefix goes, a leading slash is ensured, the query stays.
    const rest = url.pathname.slice(prefix.length);
    const path = `${rest.startsWith("/") ? rest : `/${rest}`}${url.search}`;
    const upstream = http.request(
      new URL(path, routes[prefix]),
      {
        method: req.method,
        headers: {
          ...req.headers,
          "x-forwarded-prefix": prefix,
          "x-forwarded-host": req.headers.host ?? "",
          "x-forwarded-proto": "http",
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (error) => res.writeHead(502).end(error.message));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
