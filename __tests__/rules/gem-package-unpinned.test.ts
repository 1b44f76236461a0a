/** gem-package-unpinned (opt-in): what it reports and what it must leave alone (docs/rules/gem-package-unpinned.md). */
import { gemPackageUnpinned } from '../../src/rules/gem-package-unpinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const on = { 'pin-packages': true }

testRule(gemPackageUnpinned, {
  valid: [
    { name: 'off by default', code: df('FROM ruby:3.3', 'RUN gem install bundler') },
    { name: 'name:version and -v', code: df('FROM ruby:3.3', 'RUN gem install bundler:2.5.10 && gem install rails -v 7.1.3', 'RUN gem install rake --version=13.2.1'), options: on },
    { name: 'a .gem file and bundle install', code: df('FROM ruby:3.3', 'RUN gem install ./pkg/app-1.0.gem && bundle install'), options: on }
  ],
  invalid: [
    { name: 'gem install without a version', code: df('FROM ruby:3.3-slim', 'RUN gem install bundler'), options: on, errors: [{ line: 2, message: 'gem install bundler without a version' }] },
    { name: 'gem i with options', code: df('FROM ruby:3.3-slim', 'RUN gem i --no-document io-console t'), options: on, errors: [{ line: 2, message: 'io-console, t' }] },
    { name: 'the value of --install-dir is not a gem', code: df('FROM ruby:3.3-slim', 'RUN gem install --install-dir /gems travis'), options: on, errors: [{ line: 2, message: 'gem install travis without' }] }
  ]
})
