import { downloadContainerLogs, logFollower } from "@/lib/containers/stream-container-logs";
import { withUser } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { parseContainerType } from "@/lib/templates/registry";

// GET /api/containers/[type]/logs — SSE: the last 200 lines, then new ones; ?download=1 for the whole log.
// Leaving (closing the EventSource) ends the Docker stream.
export const GET = withUser(async (request, { params, user }) => {
  const type = parseContainerType(params.type);
  if (request.nextUrl.searchParams.get("download") === "1") {
    return new Response(await downloadContainerLogs({ owner: user, type }), {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="${user.slug}-${type}.log"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const follow = await logFollower({ owner: user, type });
  return sseResponse(request.signal, (sse) =>
    follow({
      onLine: (line) => sse.send("line", line),
      onEnd: () => {
        sse.send("end", {});
        sse.close();
      },
    }),
  );
});
