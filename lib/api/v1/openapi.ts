// The document that describes this API, itself part of it.
import { z } from "zod";
import { operation } from "@/lib/api/operation";

export const openApiOperations = [
  operation({
    id: "getOpenApiDocument",
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This API's OpenAPI 3.1 document",
    description:
      "Generated from the same schemas the routes parse their input with and the tests check answers against.",
    tags: ["reference"],
    access: "public",
    responses: {
      200: {
        description: "The document.",
        schema: z.looseObject({
          openapi: z.literal("3.1.0"),
          info: z.looseObject({ title: z.string(), version: z.string() }),
          paths: z.record(z.string(), z.record(z.string(), z.unknown())),
        }),
      },
    },
    errors: [],
  }),
];
