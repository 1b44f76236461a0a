FROM node:20 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:20 AS docs
RUN echo docs

FROM node:20-slim
COPY --from=build /app/dist /app/dist
USER node
CMD ["node", "/app/dist/server.js"]
