# One image for every process of the stack; docker-compose.yml picks the entry point:
#   node dist/api/main.js (default), node dist/worker/main.js, node dist/sim/main.js, node dist/db/migrate.js

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a source change does not invalidate the install layer.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The image's unprivileged user; the app needs no writes outside /tmp.
USER node
EXPOSE 3000
CMD ["node", "dist/api/main.js"]
