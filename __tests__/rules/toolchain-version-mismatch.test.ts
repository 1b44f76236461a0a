/** toolchain-version-mismatch: what it reports and what it must leave alone (docs/rules/toolchain-version-mismatch.md). */
import { toolchainVersionMismatch } from '../../src/rules/toolchain-version-mismatch.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const PAIR = (build: string, buildRun: string, run: string, copy = 'COPY --from=build /app /app'): string => df(`FROM ${build} AS build`, 'WORKDIR /app', 'COPY . .', buildRun, `FROM ${run}`, copy)

testRule(toolchainVersionMismatch, {
  valid: [
    { name: 'the same JDK and JRE release', code: PAIR('eclipse-temurin:21-jdk', 'RUN ./gradlew installDist', 'eclipse-temurin:21-jre') },
    { name: 'maven on JDK 17, a distroless Java 17 runtime', code: PAIR('maven:3.8.5-eclipse-temurin-17', 'RUN mvn package', 'gcr.io/distroless/java17-debian12') },
    // microservices-demo's adservice: Gradle lagging behind JDK 25, the runtime ahead; Java runs older class files.
    { name: 'an older JDK building for a newer runtime', code: PAIR('eclipse-temurin:24.0.2_12-jdk-noble', 'RUN ./gradlew installDist', 'eclipse-temurin:25.0.3_9-jre-alpine') },
    { name: 'node and distroless nodejs of the same major', code: PAIR('node:22', 'RUN npm ci --omit=dev', 'gcr.io/distroless/nodejs22-debian12') },
    { name: 'a node build stage that installs nothing', code: PAIR('node:20', 'RUN node build.js', 'node:22-slim') },
    { name: 'node tags without a version are not compared', code: PAIR('node:alpine', 'RUN npm ci', 'node:22-alpine') },
    { name: 'python 3 without a minor version is not compared', code: PAIR('python:3', 'RUN pip install -r requirements.txt', 'python:3.12-slim') },
    { name: 'a newer .NET SDK building for an older runtime', code: PAIR('mcr.microsoft.com/dotnet/sdk:9.0', 'RUN dotnet publish -f net8.0 -o /app', 'mcr.microsoft.com/dotnet/aspnet:8.0') },
    { name: 'a self-contained .NET app on runtime-deps', code: PAIR('mcr.microsoft.com/dotnet/sdk:8.0', 'RUN dotnet publish --self-contained -o /app', 'mcr.microsoft.com/dotnet/runtime-deps:9.0') },
    { name: 'languages that differ are not compared', code: PAIR('node:20', 'RUN npm ci', 'python:3.12-slim') },
    { name: 'an unresolved tag', code: df('ARG V', 'FROM node:${V} AS build', 'RUN npm ci', 'FROM node:22-slim', 'COPY --from=build /app /app'), parseErrors: true },
    { name: 'a mismatch only in a stage that does not ship', code: df('FROM node:20 AS build', 'RUN npm ci', 'FROM node:22-slim AS other', 'COPY --from=build /app /app', 'FROM node:20-slim', 'COPY --from=build /app /app') }
  ],
  invalid: [
    {
      name: 'a newer JDK building for an older runtime',
      code: PAIR('eclipse-temurin:24-jdk', 'RUN ./gradlew installDist', 'eclipse-temurin:21-jre'),
      errors: [{ line: 6, message: 'eclipse-temurin:24-jdk (line 1) builds what eclipse-temurin:21-jre (line 5) runs: classes compiled by JDK 24 do not load on Java 21' }]
    },
    { name: 'gradle on JDK 21, distroless Java 17', code: PAIR('gradle:8.5-jdk21', 'RUN gradle build', 'gcr.io/distroless/java17-debian12'), errors: [{ line: 6, message: '--release 17' }] },
    { name: 'node_modules built on Node 20 run on Node 22', code: PAIR('node:20-alpine', 'RUN npm ci', 'node:22-alpine', 'COPY --from=build /app/node_modules ./node_modules'), errors: [{ line: 6, message: 'NODE_MODULE_VERSION' }] },
    { name: 'a virtualenv for Python 3.11 on 3.12', code: PAIR('python:3.11', 'RUN python -m venv /venv && /venv/bin/pip install -r requirements.txt', 'python:3.12-slim', 'COPY --from=build /venv /venv'), errors: [{ line: 6, message: 'Python 3.11' }] },
    { name: 'an app built by the .NET 8 SDK on the .NET 9 runtime', code: PAIR('mcr.microsoft.com/dotnet/sdk:8.0', 'RUN dotnet publish -o /app', 'mcr.microsoft.com/dotnet/aspnet:9.0'), errors: [{ line: 6, message: 'RollForward' }] },
    {
      name: 'the packages installed in a stage the copied one is built FROM',
      code: df('FROM node:18 AS deps', 'RUN npm ci', 'FROM deps AS build', 'RUN npm run build', 'FROM node:20-slim', 'COPY --from=build /app /app', 'COPY --from=build /app/dist /dist'),
      errors: [{ line: 6 }]
    }
  ]
})
