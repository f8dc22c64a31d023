# One image for every process of the stack; docker-compose.yml picks the entry point:
#   node dist/api/main.js (default), node dist/worker/main.js, node dist/sim/main.js, node dist/db/migrate.js

# The maintained LTS that CI also tests on (scripts/lts/ltsNode.ts; `npm run test:lts`).
FROM node:26-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a source change does not invalidate the install layer.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# The web app (docs/web.md) is built here too; the API serves it from dist/web/dist, beside dist/api.
RUN npm run build && npm run web:build && npm prune --omit=dev

FROM node:26-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./dist/web/dist
# The image's unprivileged user; the app needs no writes outside /tmp.
USER node
EXPOSE 3000
CMD ["node", "dist/api/main.js"]
