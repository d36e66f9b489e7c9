// The audit log's filters: a plain GET form, so a filtered view is a link to share and works without JavaScript.
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { AUDIT_PAGE_SIZES } from "@/lib/validations/audit";

export type AuditFilterValues = Record<
  "actor" | "action" | "target" | "owner" | "from" | "to" | "page_size",
  string
>;

const TEXT_FIELDS = [
  { name: "actor", label: "Actor", placeholder: "email or user id" },
  { name: "action", label: "Action", placeholder: "workspace.stop or workspace." },
  { name: "target", label: "Target", placeholder: "name or id" },
  { name: "owner", label: "Owner", placeholder: "email or user id" },
] as const;

export function AuditFilters({
  values,
  actions,
  errors,
}: {
  values: AuditFilterValues;
  actions: string[];
  errors: Record<string, string[]>;
}) {
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`audit-${name}`}>{label}</Label>
      {input}
      {errors[name]?.map((message) => (
        <p key={message} className="text-xs text-destructive">
          {message}
        </p>
      ))}
    </div>
  );
  return (
    <form
      method="get"
      action="/admin/audit"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      aria-label="Filters"
    >
      {TEXT_FIELDS.map(({ name, label, placeholder }) =>
        field(
          name,
          label,
          <Input
            key={name}
            id={`audit-${name}`}
            name={name}
            defaultValue={values[name]}
            placeholder={placeholder}
            list={name === "action" ? "audit-actions" : undefined}
            aria-invalid={errors[name] ? true : undefined}
          />,
        ),
      )}
      <datalist id="audit-actions">
        {actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      {field(
        "from",
        "From (UTC)",
        <Input
          id="audit-from"
          name="from"
          type="datetime-local"
          defaultValue={values.from}
          aria-invalid={errors.from ? true : undefined}
        />,
      )}
      {field(
        "to",
        "To (UTC)",
        <Input
          id="audit-to"
          name="to"
          type="datetime-local"
          defaultValue={values.to}
          aria-invalid={errors.to ? true : undefined}
        />,
      )}
      {field(
        "page_size",
        "Per page",
        <NativeSelect id="audit-page_size" name="page_size" defaultValue={values.page_size || "50"}>
          {AUDIT_PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </NativeSelect>,
      )}
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        <Button asChild variant="ghost">
          <a href="/admin/audit">Clear</a>
        </Button>
      </div>
    </form>
  );
}
