// Typed errors: one code -> HTTP status map, one translation to JSON.
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  CONFIRMATION_REQUIRED: 400,
  INVALID_CONTAINER_TYPE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INSUFFICIENT_SCOPE: 403,
  CROSS_ORIGIN: 403,
  QUOTA_EXCEEDED: 403,
  NOT_FOUND: 404,
  WORKSPACE_NOT_FOUND: 404,
  VOLUME_NOT_FOUND: 404,
  TEMPLATE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  ENGINE_OBJECT_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  NAME_TAKEN: 409,
  SECRET_UNREADABLE: 409,
  LAST_ADMIN: 409,
  LAST_ACTIVE_NODE: 409,
  ACCOUNT_DISABLED: 409,
  IN_USE: 409,
  PROTECTED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  GIT_CLONE_FAILED: 422,
  IMAGE_PULL_FAILED: 422,
  STACK_DEPLOY_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  TEMPLATE_IMAGE_NOT_FOUND: 500,
  CONTAINER_START_FAILED: 500,
  NOT_AVAILABLE: 501,
  CONTAINER_ENGINE_ERROR: 502,
  CONTAINER_NOT_READY: 504,
  CONTAINER_ENGINE_UNAVAILABLE: 503,
  EMAIL_DELIVERY_FAILED: 503,
  RESOURCE_LIMIT_EXCEEDED: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

// Route handlers and server actions may each load their own copy of this module, while what they share through
// globalThis (the runtime, in-flight launches) throws errors made by another copy: instanceof goes by this brand.
const BRAND = Symbol.for("spawner.AppError");

export class AppError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly [BRAND] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: {
      fields?: Record<string, string[]>;
      retryAfterSeconds?: number;
      /** Sent as error.details: what a client can act on (a quota's limit and current use). */
      data?: Record<string, unknown>;
    },
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string[]>;
    details?: Record<string, unknown>;
  };
};

/** What an API answer's error body holds: the error, when it happened and which path was asked (the seed's shape). */
export type ApiErrorBody = ErrorBody & { timestamp: string; path: string };

/** The only place errors become JSON; unknown errors never leak their message or stack. */
export function toErrorBody(error: unknown): {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
} {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.details?.retryAfterSeconds) headers["Retry-After"] = String(error.details.retryAfterSeconds);
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details?.fields) body.error.fields = error.details.fields;
    if (error.details?.data) body.error.details = error.details.data;
    return { status: error.status, body, headers };
  }
  return {
    status: 500,
    body: { error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } },
    headers: {},
  };
}

/** toErrorBody, and the log line for errors nobody expected (5xx other than "engine unavailable"). */
export function describeError(error: unknown, where: string): ReturnType<typeof toErrorBody> {
  const described = toErrorBody(error);
  if (described.status >= 500 && described.status !== 503)
    console.error(`[${where}] unexpected error:`, error);
  return described;
}
