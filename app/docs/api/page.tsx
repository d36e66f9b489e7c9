import { Boxes } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/components/docs/api-reference";

export const metadata: Metadata = { title: "API reference" };

const DOCUMENT_URL = "/api/v1/openapi.json";

// Public, as the document it shows is: it tells how to call the API, and every call still checks its caller.
export default function ApiReferencePage() {
  return (
    <div className="min-h-dvh bg-background">
      <header className="border-b">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/dashboard" className="flex items-center gap-2 font-semibold">
            <Boxes className="size-5" aria-hidden /> Spawner
          </Link>
          <a href={DOCUMENT_URL} className="text-sm hover:underline">
            OpenAPI document (JSON)
          </a>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <h1 className="sr-only">API reference</h1>
        <ApiReference documentUrl={DOCUMENT_URL} />
      </main>
    </div>
  );
}
