import type { NextConfig } from "next";

// A placeholder the container swaps for SERVICE_BASE_PATH at start (start.sh): behind Traefik's StripPrefix the
// browser asks for /{slug}-prod/_next/..., so asset URLs must carry the prefix the image can't know at build time.
export const BASE_PATH_PLACEHOLDER = "/__spawner_base_path__";

const nextConfig: NextConfig = {
  // One self-contained server (node server.js): a smaller image than `next start` with all of node_modules.
  output: "standalone",
  assetPrefix: BASE_PATH_PLACEHOLDER,
  poweredByHeader: false,
  // Build only this folder, even when it sits inside another project with its own lockfile.
  outputFileTracingRoot: import.meta.dirname,
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
