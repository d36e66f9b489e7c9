import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** An engine page's card: its title and what it shows, its actions to the right, the table below. */
export function EngineCard({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
        <div className="flex flex-col gap-1.5">
          <CardTitle className="text-xl">{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        {actions && <div className="flex items-start gap-2">{actions}</div>}
      </CardHeader>
      <CardContent className="flex flex-col gap-4 overflow-x-auto">{children}</CardContent>
    </Card>
  );
}

/** A table's header row, one cell a column ("" for the actions column). */
export function TableHead({ headers }: { headers: readonly string[] }) {
  return (
    <thead className="text-left text-xs text-muted-foreground">
      <tr>
        {headers.map((header) => (
          <th key={header} className="px-2 py-2 font-medium whitespace-nowrap">
            {header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
