// The typed confirmation of a container's stop or restart, read at the edge: ?confirm= or a JSON body { confirm } (a
// client that would rather not put a name in a URL); no body at all is fine.
import type { NextRequest } from "next/server";
import { parseQuery } from "@/lib/http/parse-query";
import { readJson } from "@/lib/http/read-json";
import { containerActionBodySchema, containerActionQuerySchema } from "@/lib/validations/engine-containers";

export async function confirmOf(request: NextRequest): Promise<string | undefined> {
  const query = parseQuery(containerActionQuerySchema, request);
  const hasBody = request.headers.get("content-length") !== "0" && request.body !== null;
  const body =
    hasBody && request.headers.get("content-type") ? await readJson(request, containerActionBodySchema) : {};
  return body.confirm ?? query.confirm;
}
