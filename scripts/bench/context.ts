// What every phase needs: the app's parsed settings (for identical container specs), the server and the DB.
import type { PrismaClient } from "@prisma/client";
import type { Env } from "@/lib/env";
import type { AppServer } from "../../tests/support/app-server";

export type BenchContext = { env: Env; app: AppServer; db: PrismaClient };
