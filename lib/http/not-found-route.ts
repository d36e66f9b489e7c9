// A JSON 404 for API paths no handler serves (instead of the HTML not-found page); counted like every API answer.
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/respond";
import { recordHttpRequest } from "@/lib/metrics/metrics";
import { routePatternOf } from "@/lib/metrics/route-pattern";

export const notFound = async (request: NextRequest) => {
  const response = errorResponse(
    new AppError("NOT_FOUND", "There is no such API endpoint."),
    request.nextUrl.pathname,
  );
  recordHttpRequest(routePatternOf(request.nextUrl.pathname), request.method, response.status);
  return response;
};
