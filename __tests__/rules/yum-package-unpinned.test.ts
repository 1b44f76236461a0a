/** yum-package-unpinned (opt-in): what it reports and what it must leave alone (docs/rules/yum-package-unpinned.md). */
import { yumPackageUnpinned } from '../../src/rules/yum-package-unpinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const on = { 'pin-packages': true }

testRule(yumPackageUnpinned, {
  valid: [
    { name: 'off by default', code: df('FROM centos:7', 'RUN yum install -y httpd') },
    { name: 'name-version, name-version-release, epoch', code: df('FROM centos:7', 'RUN yum install -y httpd-2.4.6 bash-4.2.46-35.el7 vim-enhanced-2:7.4.629'), options: on },
    { name: 'an .rpm, a URL, a group', code: df('FROM centos:7', 'RUN yum install -y /tmp/x.rpm https://example.com/y-1.0.rpm @core'), options: on },
    { name: 'the value of --enablerepo', code: df('FROM centos:7', 'RUN yum install -y --enablerepo epel jq-1.6'), options: on }
  ],
  invalid: [
    { name: 'yum install without versions', code: df('FROM centos:7', 'RUN yum install -y httpd && yum clean all'), options: on, errors: [{ line: 2, message: 'yum install httpd without a version' }] },
    { name: 'a name with a dash is not a version', code: df('FROM centos:7', 'RUN yum install -y python3-devel'), options: on, errors: [{ line: 2, message: 'python3-devel' }] },
    { name: 'localinstall and groupinstall', code: df('FROM centos:7', 'RUN yum groupinstall -y Base', 'RUN yum localinstall -y tools'), options: on, errors: [{ line: 2 }, { line: 3 }] }
  ]
})
