# syntax=docker/dockerfile:1
# One image recipe for both Angular front ends, served by unprivileged nginx on port 8080:
#   docker build -f docker/web.Dockerfile --build-arg APP=portal -t pilot-platform/portal .
# APP is one of: portal console. The build context is the repository root (see .dockerignore).
# At run time GATEWAY_UPSTREAM (host:port, default gateway:3000) names where /api/ is proxied.

ARG NODE_IMAGE=node:22-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

# --- build: `nx build <app>` -> dist/apps/<app>/browser/ ----------------------------------------
FROM ${NODE_IMAGE} AS build
ARG APP
RUN test -n "$APP" || { echo "build with --build-arg APP=<portal|console>" >&2; exit 1; }
WORKDIR /workspace
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true NG_CLI_ANALYTICS=false
COPY package.json package-lock.json ./
# `npm install` only when `npm ci` refuses the lock: the lock made on the project's machines lacks
# other platforms' optional sass-embedded binaries (see tools/infra/ensure-node-deps.sh).
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund \
 || { echo "npm ci refused package-lock.json; installing the locked versions with npm install" >&2; \
      npm install --no-audit --no-fund; }
COPY . .
RUN npx nx build "$APP" --output-style=static \
 && test -f "dist/apps/$APP/browser/index.html"

# --- runtime: nginx as uid 101, SPA fallback, /api/ proxied to the gateway ---------------------
FROM ${NGINX_IMAGE} AS runtime
ARG APP
ENV APP_NAME=${APP} \
    GATEWAY_UPSTREAM=gateway:3000 \
    NGINX_ENVSUBST_FILTER=^GATEWAY_
# The image's entrypoint renders /etc/nginx/templates/*.template into /etc/nginx/conf.d/ with
# the environment (only variables matching NGINX_ENVSUBST_FILTER, so nginx's own $uri etc. stay).
COPY docker/nginx/web.conf /etc/nginx/templates/default.conf.template
# Outside conf.d: that folder is rendered from the templates (an emptyDir on Kubernetes), and
# everything in it is included at the http level.
COPY docker/nginx/security-headers.conf /etc/nginx/security-headers.conf
COPY --from=build /workspace/dist/apps/${APP}/browser/ /usr/share/nginx/html/
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
USER 101
