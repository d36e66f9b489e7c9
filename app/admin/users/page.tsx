import type { Metadata } from "next";
import Link from "next/link";
import { UserQuotaSummary } from "@/components/admin/user-quota-summary";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { formatTime } from "@/components/workspaces/format";
import { listUsers } from "@/lib/admin/list-users";
import { actorFromSessionUser } from "@/lib/auth/actor";
import { requireAdminOrNotFound } from "@/lib/auth/session";
import { listUsersQuery } from "@/lib/validations/admin-users";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

// Every account: search by address, name or slug; role, status, workspaces, quotas and last seen; row actions.
export default async function AdminUsersPage({ searchParams }: Props) {
  const admin = await requireAdminOrNotFound("/admin/users");
  const params = await searchParams;
  const parsed = listUsersQuery.safeParse({ q: one(params.q), page: one(params.page) });
  const query = parsed.success ? parsed.data : { q: "", page: 1 };
  const list = await listUsers({ actor: actorFromSessionUser(admin), query });
  const pages = Math.max(1, Math.ceil(list.total / list.page_size));
  const pageHref = (page: number) =>
    `/admin/users?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">Users</CardTitle>
        <CardDescription>
          {list.total} {list.total === 1 ? "account" : "accounts"}
          {query.q ? ` matching "${query.q}"` : ""}. Disabling signs someone out everywhere at once and stops
          their workspaces. Quotas marked (own) are the account's; the others follow the platform's, set on{" "}
          <Link href="/admin/defaults" className="underline">
            Defaults
          </Link>
          .
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form method="get" action="/admin/users" className="flex flex-wrap gap-2">
          <Input
            name="q"
            defaultValue={query.q}
            placeholder="Email, name or slug"
            aria-label="Search users"
            className="max-w-sm"
          />
          <Button type="submit" variant="outline">
            Search
          </Button>
        </form>
        {list.engine === "unavailable" && (
          <Alert>
            <AlertDescription>
              The container engine is not reachable: running workspaces can't be counted right now.
            </AlertDescription>
          </Alert>
        )}
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="users-table">
            <thead className="text-left text-muted-foreground">
              <tr className="border-b">
                <th className="py-2 pr-3 font-medium">Email</th>
                <th className="py-2 pr-3 font-medium">Slug</th>
                <th className="py-2 pr-3 font-medium">Role</th>
                <th className="py-2 pr-3 font-medium">Status</th>
                <th className="py-2 pr-3 font-medium">Workspaces</th>
                <th className="py-2 pr-3 font-medium">Quotas</th>
                <th className="py-2 pr-3 font-medium">Created</th>
                <th className="py-2 pr-3 font-medium">Last seen</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.users.map((user) => (
                <tr
                  key={user.id}
                  className="border-b align-top"
                  data-testid="user-row"
                  data-user={user.email}
                >
                  <td className="py-2 pr-3">
                    <div className="font-medium break-all">{user.email}</div>
                    {user.name && <div className="text-muted-foreground">{user.name}</div>}
                  </td>
                  <td className="py-2 pr-3 font-mono text-xs">{user.slug}</td>
                  <td className="py-2 pr-3">
                    <Badge variant={user.role === "ADMIN" ? "default" : "secondary"}>
                      {user.role === "ADMIN" ? "Admin" : "User"}
                    </Badge>
                  </td>
                  <td className="py-2 pr-3">
                    <Badge variant={user.status === "active" ? "success" : "destructive"}>
                      {user.status === "active" ? "Active" : "Disabled"}
                    </Badge>
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {user.workspaces.total}
                    {user.workspaces.running === null ? "" : ` (${user.workspaces.running} running)`}
                  </td>
                  <td className="py-2 pr-3">
                    <UserQuotaSummary quota={user.quota} />
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatTime(user.created_at)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatTime(user.last_seen)}</td>
                  <td className="py-2">
                    <UserRowActions user={user} self={user.id === admin.id} />
                  </td>
                </tr>
              ))}
              {list.users.length === 0 && (
                <tr>
                  <td colSpan={9} className="py-6 text-center text-muted-foreground">
                    No accounts match.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {pages > 1 && (
          <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
            {query.page > 1 && <Link href={pageHref(query.page - 1)}>Previous</Link>}
            <span className="text-muted-foreground">
              Page {query.page} of {pages}
            </span>
            {query.page < pages && <Link href={pageHref(query.page + 1)}>Next</Link>}
          </nav>
        )}
      </CardContent>
    </Card>
  );
}
