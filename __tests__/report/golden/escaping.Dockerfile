# Names with Markdown, HTML and GitHub's own syntax in them: each must show as written, inert.
ARG REGISTRY=registry.example.com
FROM ${REGISTRY}/_team_/*base*:1.0 AS build_stage_1
RUN make
FROM registry.example.com/@user/img_#123:2 AS stage_with_*stars*
COPY --from=build_stage_1 /out/__init__.py /out/a|b`c`<d>.txt /app/
RUN echo "see https://evil.example and www.evil.example, ping @octocat about #42 and GH-7, costs $$5$$"
FROM docker.io/library/alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS final_$x$
COPY --from=stage_with_*stars* /app /app
USER app
