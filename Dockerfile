# Spawner's own image: Next.js standalone server, non-root, migrations applied at start, health-checked.
# Nothing here is downloaded at run time; BASE_IMAGE may be any Debian-based image with Node.js 20.9+ and npm.
ARG BASE_IMAGE=node:22-bookworm-slim

# 1. Dependencies: better-sqlite3 compiles when no prebuilt binary can be fetched, so the toolchain is here.
FROM ${BASE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
# .build-ca.pem is optional: a CA bundle for networks that inspect TLS (scripts/lib/common.sh build_image
# passes the host's). It only lives in the throwaway build stages.
COPY package.json package-lock.json .npmrc .build-ca.pe[m] ./
# Node images keep the headers under /usr/local; the project's .npmrc names Debian's /usr.
ENV npm_config_nodedir=/usr/local NEXT_TELEMETRY_DISABLED=1
RUN if [ -f .build-ca.pem ]; then export NODE_EXTRA_CA_CERTS="$PWD/.build-ca.pem"; fi \
  && npm ci --no-fund --no-audit --loglevel=error \
  && rm -f .build-ca.pem

# 2. Build: the Prisma client (engine-less, offline) and the standalone server.
FROM deps AS build
COPY . .
RUN rm -f .build-ca.pem \
  && DATABASE_URL=file:/tmp/build.db node_modules/.bin/prisma generate >/dev/null \
  && node_modules/.bin/next build \
  && cp -r .next/static .next/standalone/.next/static

# 3. Runtime: only the traced server, its static files, the migrations and the migrator.
FROM ${BASE_IMAGE} AS runtime
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  NEXT_MANUAL_SIG_HANDLE=1 \
  PORT=3000 \
  HOSTNAME=0.0.0.0 \
  DATABASE_URL=file:/data/spawner.db
WORKDIR /app
# A fixed non-root user; access to the Docker socket comes from its group, added at run time (group_add).
RUN groupadd --system --gid 10001 spawner \
  && useradd --system --uid 10001 --gid spawner --home-dir /app --shell /usr/sbin/nologin spawner \
  && mkdir -p /data && chown spawner:spawner /data
COPY --from=build --chown=root:root /app/.next/standalone ./
COPY --from=build --chown=root:root /app/prisma/migrations ./prisma/migrations
COPY --from=build --chown=root:root /app/scripts/migrate.mjs ./scripts/migrate.mjs
COPY --chown=root:root deploy/app-entrypoint.sh /usr/local/bin/spawner-entrypoint
USER spawner
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/local/bin/spawner-entrypoint"]
CMD ["node", "server.js"]
