import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/respond";

// ANY /api/* that no other handler matches — a JSON 404 instead of the HTML not-found page.
const notFound = async () => errorResponse(new AppError("NOT_FOUND", "There is no such API endpoint."));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
