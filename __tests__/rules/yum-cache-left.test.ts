/** yum-cache-left: what it reports and what it must leave alone (docs/rules/yum-cache-left.md). */
import { yumCacheLeft } from '../../src/rules/yum-cache-left.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(yumCacheLeft, {
  valid: [
    { name: 'yum clean all after the install', code: df('FROM centos:7', 'RUN yum install -y httpd && yum clean all') },
    { name: 'rm -rf /var/cache/yum', code: df('FROM centos:7', 'RUN yum install -y httpd && rm -rf /var/cache/yum/*') },
    { name: 'a cache mount', code: df('FROM centos:7', 'RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd') },
    { name: 'in a build stage', code: df('FROM centos:7 AS build', 'RUN yum install -y gcc', 'FROM scratch', 'COPY --from=build /x /x') },
    { name: 'no yum install', code: df('FROM centos:7', 'RUN yum clean all && echo yum install') }
  ],
  invalid: [
    { name: 'no clean', code: df('FROM centos:7', 'RUN yum install -y httpd'), errors: [{ line: 2, message: 'RUN --mount=type=cache,target=/var/cache/yum' }] },
    { name: 'clean before the last install', code: df('FROM centos:7', 'RUN yum install -y epel-release && yum clean all && yum install -y jq'), errors: [{ line: 2 }] },
    { name: 'clean metadata only, and yum update', code: df('FROM centos:7', 'RUN yum install -y httpd && yum clean metadata', 'RUN yum -y update'), errors: [{ line: 2 }, { line: 3 }] }
  ]
})
