// Streams audit events as a CSV download, batch by batch; a client that leaves stops the reading.

import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from "@/lib/audit/audit-csv";
import type { AuditEventView } from "@/lib/audit/audit-view";

export function auditCsvResponse(batches: AsyncGenerator<AuditEventView[]>, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_HEADER)));
    },
    async pull(controller) {
      try {
        const next = signal.aborted ? { done: true as const } : await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map(auditCsvLine).join("")));
      } catch (error) {
        // Headers are sent: the download ends broken (not silently short), and the log says why.
        console.error("[audit] the CSV export failed:", (error as Error).message);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
