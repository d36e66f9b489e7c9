// A JSON 404 for API paths no handler serves (instead of the HTML not-found page).
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/respond";

export const notFound = async (request: NextRequest) =>
  errorResponse(new AppError("NOT_FOUND", "There is no such API endpoint."), request.nextUrl.pathname);
