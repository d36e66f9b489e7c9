// The calling client's address for pages and server actions (route handlers read it from their request).
import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { getEnv } from "@/lib/env";

export async function requestIp(): Promise<string> {
  return clientIp((await headers()).get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS);
}
