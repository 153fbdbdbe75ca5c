# syntax=docker/dockerfile:1
# One image recipe for every NestJS service of the platform:
#   docker build -f docker/node-service.Dockerfile --build-arg SERVICE=identity -t pilot-platform/identity .
# SERVICE is one of: gateway identity planning applications notifications.
# The build context is the repository root (see .dockerignore).

ARG NODE_IMAGE=node:22-bookworm-slim

# --- build: the whole workspace, then `nx build <service>` -> dist/apps/<service>/ ---------------
# The bundle is main.js (workspace libraries inside) plus the package.json and package-lock.json
# that Nx generates with only the npm packages this service imports.
FROM ${NODE_IMAGE} AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "build with --build-arg SERVICE=<gateway|identity|planning|applications|notifications>" >&2; exit 1; }
WORKDIR /workspace
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true
COPY package.json package-lock.json ./
# `npm install` only when `npm ci` refuses the lock: the lock made on the project's machines lacks
# other platforms' optional sass-embedded binaries (see tools/infra/ensure-node-deps.sh).
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund \
 || { echo "npm ci refused package-lock.json; installing the locked versions with npm install" >&2; \
      npm install --no-audit --no-fund; }
COPY . .
RUN npx nx build "$SERVICE" --output-style=static \
 && test -f "dist/apps/$SERVICE/main.js" && test -f "dist/apps/$SERVICE/package-lock.json"

# --- prod-deps: this service's production dependencies only ---------------------------------
FROM ${NODE_IMAGE} AS prod-deps
ARG SERVICE
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /workspace/dist/apps/${SERVICE}/package.json /workspace/dist/apps/${SERVICE}/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund
# Fail the build, not the pod, when the bundle requires a package that is not installed.
COPY --from=build /workspace/dist/apps/${SERVICE}/main.js ./
COPY docker/check-externals.mjs ./
RUN node check-externals.mjs main.js

# --- runtime: node, non-root, the bundle and its production node_modules ----------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production \
    SERVICE_NAME=${SERVICE}
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/${SERVICE}/ ./
COPY docker/healthcheck.mjs ./
# Files stay owned by root (read-only for the process); it runs as the image's `node` user (1000).
USER node
# Documentation only; the listening port is HTTP_PORT: gateway 3000, identity 3101,
# planning 3102, applications 3103, notifications 3104.
EXPOSE 3000 3101 3102 3103 3104
# Readiness of this service (broker and store answer); see docker/healthcheck.mjs.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["node", "healthcheck.mjs"]
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "main.js"]
