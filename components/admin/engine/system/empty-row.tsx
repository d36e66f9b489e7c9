/** The one row of a table with nothing in it. */
export function EmptyRow({ columns, text }: { columns: number; text: string }) {
  return (
    <tr>
      <td colSpan={columns} className="px-2 py-6 text-center text-muted-foreground">
        {text}
      </td>
    </tr>
  );
}
