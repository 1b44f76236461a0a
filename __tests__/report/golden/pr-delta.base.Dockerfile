FROM node:20 AS builder
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:20 AS tests
RUN echo test

FROM node:20
COPY --from=builder /app /app
CMD ["node", "/app/server.js"]
