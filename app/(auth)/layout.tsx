import { Boxes } from "lucide-react";
import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <Link href="/" className="flex items-center gap-2 text-lg font-semibold">
        <Boxes className="size-6" aria-hidden /> Spawner
      </Link>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
