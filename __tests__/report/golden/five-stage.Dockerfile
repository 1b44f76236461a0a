# syntax=docker/dockerfile:1
FROM node:20 AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS build
COPY . .
RUN npm run build

FROM deps AS lint
RUN npm run lint

FROM node:20-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production

FROM base AS runtime
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=build /app/node_modules ./node_modules
COPY --from=docker.io/tianon/gosu:1.17 /usr/local/bin/gosu /usr/local/bin/gosu
RUN --mount=type=bind,from=build,source=/app/package.json,target=/tmp/package.json cp /tmp/package.json ./
USER node
HEALTHCHECK CMD ["node", "dist/health.js"]
EXPOSE 3000
ENTRYPOINT ["tini", "--"]
CMD ["node", "dist/server.js"]
