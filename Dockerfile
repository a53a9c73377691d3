# innomed-hub API image.
#   docker build -t innomed-hub .
#   docker run -p 3000:3000 -e JWT_SECRET=... -e DATABASE_URL=postgres://... -e REDIS_URL=redis://... innomed-hub
# The image runs with NODE_ENV=production, which requires JWT_SECRET (at least 32 characters).
# See docker-compose.yml for two instances sharing PostgreSQL and Redis.

# ---- build: install everything, compile, then drop the development dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY nest-cli.json tsconfig.json schema.graphql ./
COPY apps ./apps
COPY libs ./libs
RUN npx nest build api \
 && npm run build:web \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: compiled output and production dependencies only, as the unprivileged node user ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app

COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The web client, served by the hub at / (found relative to the working directory).
COPY --from=build /app/apps/web/dist ./apps/web/dist
# DATA_DIR is only written when DATABASE_URL is unset (embedded PostgreSQL); it must belong to node.
RUN mkdir -p /app/data && chown node:node /app/data

USER node
EXPOSE 3000

# Ready means: the process answers and its database and Redis answer (see /health/ready).
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node is PID 1 here; the hub itself handles SIGTERM/SIGINT and drains before exiting.
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
