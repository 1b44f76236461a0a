FROM rust:1.80 AS build
WORKDIR /src
COPY . .
RUN cargo build --release

FROM build AS test
RUN cargo test

FROM debian:bookworm-slim AS release
COPY --from=build /src/target/release/app /usr/local/bin/app
USER 10001
CMD ["app"]
