// A refused file's problems by place (services.web.ports[0]: must be a list (line 7)), beside the form.
export function ComposeProblems({ fields }: { fields: Record<string, string[]> }) {
  const entries = Object.entries(fields).filter(([place]) => place !== "name");
  if (entries.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
      <p className="mb-2 font-medium text-destructive">The compose file was refused; nothing ran:</p>
      <ul className="flex max-h-96 flex-col gap-1 overflow-y-auto" data-testid="compose-problems">
        {entries.map(([place, messages]) => (
          <li key={place} data-place={place}>
            {place !== "compose" && <code className="font-mono text-xs font-semibold">{place}</code>}
            {place !== "compose" && ": "}
            {messages.join("; ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
