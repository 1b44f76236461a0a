/** cleanup-in-separate-layer: what it reports and what it must leave alone (docs/rules/cleanup-in-separate-layer.md). */
import { cleanupInSeparateLayer } from '../../src/rules/cleanup-in-separate-layer.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(cleanupInSeparateLayer, {
  valid: [
    { name: 'cleaned in the same RUN', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*') },
    { name: 'dist-clean in the same RUN', code: df('FROM debian:trixie', 'RUN apt-get update && apt-get install -y curl && apt-get dist-clean') },
    { name: 'removing a config file on purpose', code: df('FROM nginx:1.27', 'RUN rm /etc/nginx/conf.d/default.conf') },
    { name: 'in a build stage', code: df('FROM debian:12 AS b', 'RUN apt-get clean', 'FROM scratch', 'COPY --from=b /x /x') }
  ],
  invalid: [
    { name: 'a RUN that only cleans', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get clean && rm -rf /var/lib/apt/lists/*'), errors: [{ line: 3 }] },
    { name: 'apt-get dist-clean in its own RUN', code: df('FROM debian:trixie', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get dist-clean'), errors: [{ line: 3 }] }
  ]
})
