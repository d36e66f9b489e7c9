"use client";

// The API reference: Swagger UI (swagger-ui-dist, its own React inside its bundle) rendering the OpenAPI document.
// Bundled by Next and loaded in the browser only; it fetches nothing but the document from this origin, and its
// online validator (another origin) is off, so it runs under the app's CSP.
import "swagger-ui-dist/swagger-ui.css";
import { useEffect, useRef, useState } from "react";

export function ApiReference({ documentUrl }: { documentUrl: string }) {
  const root = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    import("swagger-ui-dist/swagger-ui-es-bundle.js")
      .then(({ default: SwaggerUI }) => {
        if (!current || !root.current) return;
        SwaggerUI({
          domNode: root.current,
          url: documentUrl,
          validatorUrl: null,
          deepLinking: true,
          docExpansion: "list",
          defaultModelsExpandDepth: -1,
          displayOperationId: true,
        });
      })
      .catch((error: unknown) => {
        console.error("[api reference] Swagger UI did not load:", error);
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [documentUrl]);

  return (
    <>
      {failed && (
        <p role="alert" className="text-sm text-destructive">
          The reference did not load. The document itself is at{" "}
          <a className="underline" href={documentUrl}>
            {documentUrl}
          </a>
          .
        </p>
      )}
      <div ref={root} data-testid="api-reference" />
    </>
  );
}
