"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// A little interaction, so the page proves its JavaScript loaded (through the prefix, too).
export function Greeting({ slug }: { slug: string }) {
  const [count, setCount] = useState(0);
  return (
    <div className="flex items-center gap-3">
      <Button onClick={() => setCount(count + 1)}>Say hello</Button>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {count === 0 ? "Nobody has said hello yet." : `Hello, ${slug}! (${count})`}
      </p>
    </div>
  );
}
