/** apt-no-install-recommends: what it reports and what it must leave alone (docs/rules/apt-no-install-recommends.md). */
import { aptNoInstallRecommends } from '../../src/rules/apt-no-install-recommends.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(aptNoInstallRecommends, {
  valid: [
    // open-runtimes: bash is in every Debian image (Essential), so nothing new comes with it.
    { name: 'only packages every Debian image already has', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y bash && rm -rf /var/lib/apt/lists/*') },
    // localstack: an upgrade of what is installed installs nothing new.
    { name: 'apt-get install --only-upgrade', code: df('FROM python:3.13-slim', 'RUN apt-get update && apt-get install --only-upgrade libexpat1') },
    // jessfraz/dockerfiles, 8 desktop-app images: the tooling installs without recommends, the app from its PPA with them, on purpose.
    { name: 'the same RUN passes the flag to another install: leaving it off the app is a choice', code: df('FROM ubuntu:24.04', 'RUN apt-get install -y --no-install-recommends software-properties-common && add-apt-repository ppa:x/y && apt-get update && apt-get install -y yubikey-manager') },
    { name: '--no-install-recommends anywhere in the command', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl --no-install-recommends && rm -rf /var/lib/apt/lists/*') },
    { name: '-o APT::Install-Recommends=false', code: df('FROM debian:12', 'RUN apt-get install -y -o APT::Install-Recommends=false curl') },
    { name: 'Install-Recommends turned off in apt.conf.d before', code: df('FROM debian:12 AS base', `RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norecommends`, 'FROM base', 'RUN apt-get install -y curl') },
    { name: 'in a build stage', code: df('FROM debian:12 AS build', 'RUN apt-get install -y build-essential', 'FROM debian:12-slim', 'COPY --from=build /out /out') },
    { name: 'install with no package (-f), and a dry run', code: df('FROM debian:12', 'RUN dpkg -i /tmp/a.deb || apt-get install -y -f', 'RUN apt-get install -s curl') }
  ],
  invalid: [
    // frappe_docker's wkhtmltox .deb, open-runtimes' $SYSTEM_PACKAGES: what they recommend is not known here.
    { name: 'a local .deb is info', code: df('FROM python:3.12-slim-bookworm', 'RUN curl -sLO https://example.com/wkhtmltox.deb && apt-get install -y ./wkhtmltox.deb && rm wkhtmltox.deb'), errors: [{ line: 2, severity: 'info', message: 'which cannot be read from here' }] },
    { name: 'a list from a build argument is info', code: df('FROM debian:12', 'ARG SYSTEM_PACKAGES=""', 'RUN apt-get update && apt-get install -y $SYSTEM_PACKAGES'), errors: [{ line: 3, severity: 'info' }] },
    { name: 'bash with a package that is not installed yet', code: df('FROM debian:12', 'RUN apt-get install -y bash curl'), errors: [{ line: 2, severity: 'warning', message: 'bash, curl' }] },
    { name: 'the shipped stage', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl git && rm -rf /var/lib/apt/lists/*'), errors: [{ line: 2, message: 'apt-get install curl, git without --no-install-recommends' }] },
    { name: 'two installs of a RUN, neither with the flag', code: df('FROM ubuntu:24.04', 'RUN apt-get install -y software-properties-common && add-apt-repository ppa:x/y && apt-get update && apt-get install -y yubikey-manager'), errors: [{ line: 2, message: 'software-properties-common' }] },
    { name: 'the flag in another RUN does not excuse this one', code: df('FROM ubuntu:24.04', 'RUN apt-get install -y python3-software-properties', 'RUN apt-get install -y --no-install-recommends inkscape'), errors: [{ line: 2 }] },
    // saleor, and the slim bases of the judged corpus TPs: on a minimal base the recommends can double what a RUN adds.
    { name: 'a -slim language image is minimal: warning', code: df('FROM python:3.12-slim', 'RUN apt-get update && apt-get install -y libffi8 libgdk-pixbuf-2.0-0'), errors: [{ line: 2, severity: 'warning' }] },
    { name: 'an image on Artifact Registry (pkg.dev) is no development image', code: df('FROM us-docker.pkg.dev/p/r/base:1', 'RUN apt-get install -y curl'), errors: [{ line: 2, severity: 'warning' }] },
    // open-runtimes: `ARG BASE_IMAGE` / `FROM ${BASE_IMAGE}`, filled by bake with eclipse-temurin or swift images.
    { name: 'a base named only by a build argument is info', code: df('ARG BASE_IMAGE', 'FROM ${BASE_IMAGE}', 'RUN apt-get update && apt-get install -y zip bash'), errors: [{ line: 3, severity: 'info', message: 'the build argument ${BASE_IMAGE}' }] },
    { name: 'a full language image (gcc and headers included) is info', code: df('FROM python:3.12-bookworm', 'RUN apt-get install -y libhdf5-dev'), errors: [{ line: 2, severity: 'info', message: 'python:3.12-bookworm is a full image' }] },
    { name: 'a JDK image is info', code: df('FROM eclipse-temurin:21-jdk-jammy', 'RUN apt-get install -y zip'), errors: [{ line: 2, severity: 'info', message: 'development image' }] },
    { name: 'its JRE is a warning', code: df('FROM eclipse-temurin:21-jre-jammy', 'RUN apt-get install -y zip'), errors: [{ line: 2, severity: 'warning' }] },
    { name: 'a devel tag is info', code: df('FROM nvidia/cuda:12.4.1-devel-ubuntu22.04', 'RUN apt-get install -y libvulkan1'), errors: [{ line: 2, severity: 'info', message: 'development image' }] },
    { name: 'the parent of the shipped stage', code: df('FROM debian:12 AS base', 'RUN apt-get install -y python3-pip', 'FROM base', 'CMD ["python3"]'), errors: [{ line: 2 }] }
  ]
})
