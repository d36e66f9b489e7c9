import {
  containerLogFollower,
  downloadContainerLogs,
  readContainerLogTail,
} from "@/lib/engine/containers/container-logs";
import { logDownload, logStream } from "@/lib/http/log-stream";
import { parseQuery } from "@/lib/http/parse-query";
import { json } from "@/lib/http/respond";
import { param, withAdmin } from "@/lib/http/route";
import { containerLogsQuerySchema, parseContainerRef } from "@/lib/validations/engine-containers";

// GET /api/v1/admin/engine/containers/[id]/logs?tail=1000 — its last lines as JSON; &follow=true as server-sent
// events (the tail, then new lines until the viewer leaves; &since=<time>&skip=<n> resumes after the n lines held at
// that time); &download=true as a text file.
export const GET = withAdmin(async (request, { params, actor }) => {
  const ref = parseContainerRef(param(params, "id"));
  const { tail, follow, download, since, skip } = parseQuery(containerLogsQuerySchema, request);
  if (download) return logDownload(await downloadContainerLogs({ actor, ref, tail }));
  if (follow) return logStream(request.signal, await containerLogFollower({ actor, ref, tail, since, skip }));
  return json(await readContainerLogTail({ actor, ref, tail }));
});
