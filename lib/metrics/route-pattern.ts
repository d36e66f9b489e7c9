// Which route file a request path is served by, as its pattern (/api/workspaces/[id]/stop): the HTTP metrics' route
// label. Route handlers are not told which route matched, and the path itself would make every id a label. Every
// route file under app/ is listed here (tests/unit/route-pattern.test.ts fails for one that is not).
export const ROUTE_PATTERNS = [
  "/api/[[...path]]",
  "/api/auth/[...nextauth]",
  "/api/auth/magic-link",
  "/api/container/launch/[type]",
  "/api/container/launch/[type]/progress",
  "/api/forward-auth",
  "/api/health",
  "/api/templates",
  "/api/user/containers",
  "/api/v1/admin/audit",
  "/api/v1/admin/audit/export",
  "/api/v1/admin/defaults",
  "/api/v1/admin/engine/containers",
  "/api/v1/admin/engine/containers/[id]",
  "/api/v1/admin/engine/containers/[id]/logs",
  "/api/v1/admin/engine/containers/[id]/restart",
  "/api/v1/admin/engine/containers/[id]/start",
  "/api/v1/admin/engine/containers/[id]/stop",
  "/api/v1/admin/engine/images",
  "/api/v1/admin/engine/images/[id]",
  "/api/v1/admin/engine/images/prune",
  "/api/v1/admin/engine/images/pull",
  "/api/v1/admin/engine/networks",
  "/api/v1/admin/engine/networks/[id]",
  "/api/v1/admin/engine/stacks",
  "/api/v1/admin/engine/stacks/[name]",
  "/api/v1/admin/engine/stacks/[name]/start",
  "/api/v1/admin/engine/stacks/[name]/stop",
  "/api/v1/admin/engine/system",
  "/api/v1/admin/engine/volumes",
  "/api/v1/admin/engine/volumes/[name]",
  "/api/v1/admin/engine/volumes/prune",
  "/api/v1/admin/nodes",
  "/api/v1/admin/nodes/[id]/activate",
  "/api/v1/admin/nodes/[id]/drain",
  "/api/v1/admin/nodes/join-command",
  "/api/v1/admin/orphans",
  "/api/v1/admin/orphans/volumes/[name]",
  "/api/v1/admin/orphans/volumes/[name]/give",
  "/api/v1/admin/orphans/workloads/[id]",
  "/api/v1/admin/stats/history",
  "/api/v1/admin/templates",
  "/api/v1/admin/templates/[id]",
  "/api/v1/admin/users",
  "/api/v1/admin/users/[id]",
  "/api/v1/admin/workspaces",
  "/api/v1/admin/workspaces/bulk",
  "/api/v1/health",
  "/api/v1/openapi.json",
  "/api/v1/workspaces",
  "/api/v1/workspaces/[id]",
  "/api/v1/workspaces/[id]/logs",
  "/api/v1/workspaces/[id]/restart",
  "/api/v1/workspaces/[id]/start",
  "/api/v1/workspaces/[id]/stats",
  "/api/v1/workspaces/[id]/stats/history",
  "/api/v1/workspaces/[id]/stop",
  "/api/volumes",
  "/api/volumes/[id]",
  "/api/workspace-auth/start",
  "/api/workspaces",
  "/api/workspaces/[id]",
  "/api/workspaces/[id]/logs",
  "/api/workspaces/[id]/progress",
  "/api/workspaces/[id]/restart",
  "/api/workspaces/[id]/start",
  "/api/workspaces/[id]/stats",
  "/api/workspaces/[id]/stats/history",
  "/api/workspaces/[id]/stop",
  "/api/workspaces/[id]/update",
  "/metrics",
] as const;

export const UNMATCHED = "unmatched";

// How a segment matches, in Next's order of precedence: a static name, then [one], [...one or more], [[...any]].
type Segment = { kind: 0; name: string } | { kind: 1 | 2 | 3 };

function segmentOf(text: string): Segment {
  if (text.startsWith("[[...")) return { kind: 3 };
  if (text.startsWith("[...")) return { kind: 2 };
  if (text.startsWith("[")) return { kind: 1 };
  return { kind: 0, name: text };
}

const split = (path: string) => path.split("/").filter(Boolean);

/** Most specific first: compared segment by segment, as Next prefers a static segment over a dynamic one. */
function bySpecificity(a: Segment[], b: Segment[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const left = a[i]?.kind ?? -1;
    const right = b[i]?.kind ?? -1;
    if (left !== right) return left - right;
  }
  return 0;
}

const COMPILED = ROUTE_PATTERNS.map((pattern) => ({ pattern, segments: split(pattern).map(segmentOf) })).sort(
  (a, b) => bySpecificity(a.segments, b.segments),
);

function matches(segments: Segment[], parts: string[]): boolean {
  for (const [i, segment] of segments.entries()) {
    if (segment.kind === 3) return true;
    if (segment.kind === 2) return parts.length > i;
    const part = parts[i];
    if (part === undefined || (segment.kind === 0 && segment.name !== part)) return false;
  }
  return parts.length === segments.length;
}

/** The pattern of the route file that serves this path, or "unmatched" (a page, an asset). */
export function routePatternOf(pathname: string): string {
  const parts = split(pathname);
  return COMPILED.find(({ segments }) => matches(segments, parts))?.pattern ?? UNMATCHED;
}
