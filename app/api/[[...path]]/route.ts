import { notFound } from "@/lib/http/not-found-route";

// ANY /api/* that no other handler matches — a JSON 404 instead of the HTML not-found page.
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
