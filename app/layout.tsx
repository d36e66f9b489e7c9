import type { Metadata } from "next";
import { headers } from "next/headers";
import { Toaster } from "@/components/ui/sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Spawner", template: "%s · Spawner" },
  description: "Your own containers, one click away.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading a header makes every page render per request, so Next.js can stamp the CSP nonce on its scripts.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        {children}
        <Toaster />
      </body>
    </html>
  );
}
