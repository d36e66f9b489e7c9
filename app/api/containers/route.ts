import { notFound } from "@/lib/http/not-found-route";

// ANY /api/containers — no such endpoint (the catch-all does not reach a folder with its own children).
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
