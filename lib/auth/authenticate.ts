// Who the caller of an API route is: an API token when the request carries `Authorization: Bearer …` (judged by
// the token alone, its cookies ignored), else the session cookie; null for nobody.
import "server-only";
import { type Actor, actorFromSessionUser } from "@/lib/auth/actor";
import { currentUser } from "@/lib/auth/session";
import { actorFromToken } from "@/lib/tokens/authenticate-token";
import { bearerOf } from "@/lib/tokens/token-format";

export async function authenticate(headers: Headers, ip: string): Promise<Actor | null> {
  const bearer = bearerOf(headers.get("authorization"));
  if (bearer !== null) return actorFromToken(bearer, ip);
  const user = await currentUser();
  return user ? actorFromSessionUser(user, ip) : null;
}
