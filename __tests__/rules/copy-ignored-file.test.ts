/** copy-ignored-file: what it reports and what it must leave alone (docs/rules/copy-ignored-file.md). */
import { copyIgnoredFile } from '../../src/rules/copy-ignored-file.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyIgnoredFile, {
  valid: [
    { name: 'not ignored', code: df('FROM nginx:1', 'COPY public/ /srv/'), dockerignore: 'dist\n*.md\n' },
    { name: 'an exception puts a file of the folder back, so the COPY copies it', code: df('FROM nginx:1', 'COPY dist/ /srv/'), dockerignore: 'dist\n!dist/keep\n' },
    { name: 'an allowlist (* then exceptions) that keeps what is copied', code: df('FROM node:20', 'COPY package.json src/ ./'), dockerignore: '*\n!package.json\n!src\n' },
    { name: 'COPY . with an allowlist copies what the exceptions keep (BuildKit issue 6512)', code: df('FROM golang:1.22', 'COPY . /src/'), dockerignore: '*\n!go.*\n!*.go\n!internal/\n' },
    { name: '*.md excludes only the root\'s Markdown files', code: df('FROM nginx:1', 'COPY docs/guide.md /srv/'), dockerignore: '*.md\n' },
    { name: 'the last matching line decides: the exception comes last', code: df('FROM nginx:1', 'COPY README-secret.md /srv/'), dockerignore: '*.md\nREADME-secret.md\n!README*.md\n' },
    { name: 'a glob when exceptions exist: which names stay is unknown, silent', code: df('FROM nginx:1', 'COPY *.md /srv/'), dockerignore: '*.md\n!README.md\n' },
    { name: 'a .dockerignore Docker refuses fails the build by itself', code: df('FROM nginx:1', 'COPY dist/ /srv/'), dockerignore: 'dist\n[unclosed\n' },
    { name: 'COPY --from is never checked', code: df('FROM alpine:3 AS a', 'FROM nginx:1', 'COPY --from=a dist/ /srv/'), dockerignore: 'dist\n' },
    { name: 'a variable with no value here: its value decides the path', code: df('FROM node:20', 'ARG APP_DIR', 'COPY ${APP_DIR}/ ./'), dockerignore: '*\n!src\n' },
    { name: 'case matters, as on Linux', code: df('FROM nginx:1', 'COPY Dist/ /srv/'), dockerignore: 'dist\n' }
  ],
  invalid: [
    { name: 'a file under an ignored folder', code: df('FROM nginx:1', 'COPY ./dist/index.html /srv/'), dockerignore: '# comment\n/dist\n', errors: [{ line: 2, message: 'excluded by "dist" (line 2 of .dockerignore)' }] },
    { name: 'everything ignored and COPY .', code: df('FROM nginx:1', 'COPY . /srv/'), dockerignore: '*\n', errors: [{ line: 2 }] },
    { name: 'an allowlist that does not keep a copied file', code: df('FROM node:20', 'COPY package.json tsconfig.json ./'), dockerignore: '*\n!package.json\n!src\n', errors: [{ line: 2, message: 'tsconfig.json is excluded by "*"' }] },
    { name: 'an exception elsewhere does not put the folder back', code: df('FROM nginx:1', 'COPY dist/ /srv/'), dockerignore: 'dist\n!src/keep\n', errors: [{ line: 2, message: 'dist/ is excluded by "dist"' }] },
    { name: 'the last matching line decides: the exclusion comes last', code: df('FROM nginx:1', 'COPY README-secret.md /srv/'), dockerignore: '*.md\n!README*.md\nREADME-secret.md\n', errors: [{ line: 2, message: 'excluded by "README-secret.md" (line 3' }] },
    { name: 'a glob in an excluded folder', code: df('FROM nginx:1', 'COPY build/*.js /srv/'), dockerignore: 'build\n', errors: [{ line: 2 }] },
    { name: 'a glob the pattern covers', code: df('FROM nginx:1', 'COPY *.md /srv/'), dockerignore: '*.md\n', errors: [{ line: 2 }] },
    { name: '** in any folder', code: df('FROM node:20', 'COPY app/node_modules/ ./node_modules/'), dockerignore: '**/node_modules\n', errors: [{ line: 2, message: 'excluded by "**/node_modules"' }] }
  ]
})
