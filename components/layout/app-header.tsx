import { BookOpen, Boxes, KeyRound, LogOut, Shield } from "lucide-react";
import Link from "next/link";
import { signOutAction } from "@/app/(dashboard)/actions/sign-out";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { SessionUser } from "@/lib/auth/session";

/** wide: the admin area's tables use the width of the page. */
export function AppHeader({ user, wide = false }: { user: SessionUser; wide?: boolean }) {
  return (
    <header className="border-b bg-background">
      <div
        className={`mx-auto flex ${wide ? "max-w-7xl" : "max-w-5xl"} items-center justify-between gap-4 px-4 py-3`}
      >
        <Link href="/dashboard" className="flex items-center gap-2 font-semibold">
          <Boxes className="size-5" aria-hidden /> Spawner
        </Link>
        <div className="flex items-center gap-3 text-sm">
          <span className="hidden text-muted-foreground sm:inline" data-testid="signed-in-as">
            {user.email}
          </span>
          <Link href="/settings/tokens" className="flex items-center gap-1 hover:underline">
            <KeyRound className="size-4" aria-hidden /> API tokens
          </Link>
          <Link href="/docs/api" className="flex items-center gap-1 hover:underline">
            <BookOpen className="size-4" aria-hidden /> API
          </Link>
          {user.role === "ADMIN" && (
            <>
              <Badge variant="secondary">Admin</Badge>
              <Link href="/admin" className="flex items-center gap-1 hover:underline">
                <Shield className="size-4" aria-hidden /> Admin area
              </Link>
            </>
          )}
          <form action={signOutAction}>
            <Button type="submit" variant="ghost" size="sm">
              <LogOut aria-hidden /> Sign out
            </Button>
          </form>
        </div>
      </div>
    </header>
  );
}
