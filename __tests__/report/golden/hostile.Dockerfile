ARG SECRET_TOKEN=hunter2
FROM alpine:3.20 AS @team<img src=x onerror=alert(1)>
RUN echo "**bold** [link](http://x) ~~strike~~ _em_ 🐳"

FROM alpine:3.20 AS `tick`
COPY --from=@team<img /a|b /x
COPY ["a|b`c`.txt", "@octocat #123 <b>.md", "/dst|x/"]
ENV GITHUB_TOKEN=ghp_should_never_show NOTE="fixes #42 @org/team"
RUN apk add --no-cache "pkg|@evil" && pip install "x<script>"
USER root
CMD echo "done | @someone" </dev/null
