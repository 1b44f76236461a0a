/** yum-assume-yes: what it reports and what it must leave alone (docs/rules/yum-assume-yes.md). */
import { yumAssumeYes } from '../../src/rules/yum-assume-yes.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(yumAssumeYes, {
  valid: [
    { name: '-y and --assumeyes', code: df('FROM centos:7', 'RUN yum install -y httpd && yum clean all', 'RUN yum --assumeyes update') },
    { name: 'grouped -qy', code: df('FROM centos:7', 'RUN yum -qy install httpd') },
    { name: '--setopt=assumeyes=1', code: df('FROM centos:7', 'RUN yum --setopt=assumeyes=1 install httpd') },
    { name: 'assumeyes=1 in yum.conf first', code: df('FROM centos:7', 'RUN echo assumeyes=1 >> /etc/yum.conf', 'RUN yum install httpd') },
    { name: 'commands that do not ask', code: df('FROM centos:7', 'RUN yum clean all && yum makecache && yum list installed && yum group list') },
    { name: 'dnf is another rule', code: df('FROM fedora:40', 'RUN dnf install httpd') }
  ],
  invalid: [
    { name: 'yum install without -y', code: df('FROM centos:7', 'RUN yum install httpd && yum clean all'), errors: [{ line: 2, message: 'yum install without -y' }] },
    { name: 'groupinstall, update, remove', code: df('FROM centos:7', 'RUN yum groupinstall "Development Tools"', 'RUN yum update', 'RUN yum remove httpd'), errors: [{ line: 2 }, { line: 3 }, { line: 4 }] },
    { name: 'yum group install', code: df('FROM rockylinux:9', 'RUN yum group install "Development Tools"'), errors: [{ line: 2, message: 'yum group install' }] },
    { name: 'in a build stage', code: df('FROM centos:7 AS build', 'RUN yum install gcc', 'FROM scratch', 'COPY --from=build /x /x'), errors: [{ line: 2 }] }
  ]
})
