/** pip-package-unpinned (opt-in): what it reports and what it must leave alone (docs/rules/pip-package-unpinned.md). */
import { pipPackageUnpinned } from '../../src/rules/pip-package-unpinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const on = { 'pin-packages': true }

testRule(pipPackageUnpinned, {
  valid: [
    { name: 'off by default', code: df('FROM python:3.12', 'RUN pip install flask') },
    { name: 'version specifiers', code: df('FROM python:3.12', 'RUN pip install --no-cache-dir flask==3.0.3 "requests>=2.31,<3" django~=5.0'), options: on },
    { name: 'a requirements file, a constraints file, the project itself', code: df('FROM python:3.12', 'RUN pip install -r requirements.txt', 'RUN pip install -c constraints.txt flask', 'RUN pip install .', 'RUN pip install -e ./lib'), options: on },
    { name: 'wheels, paths and a VCS URL at a ref', code: df('FROM python:3.12', 'RUN pip install /wheels/app-1.0-py3-none-any.whl git+https://github.com/x/y@v1.2'), options: on },
    { name: 'the value of --index-url', code: df('FROM python:3.12', 'RUN python -m pip install --index-url https://pypi.example.com/simple app==1.0'), options: on }
  ],
  invalid: [
    { name: 'pip install names', code: df('FROM python:3.12-slim', 'RUN pip install --no-cache-dir flask gunicorn==22.0.0'), options: on, errors: [{ line: 2, message: 'pip install flask without a version' }] },
    { name: 'python -m pip and pip3', code: df('FROM python:3.12-slim', 'RUN python3 -m pip install awscli', 'RUN pip3 install httpie'), options: on, errors: [{ line: 2 }, { line: 3 }] },
    { name: 'inside a subshell: the closing paren is no package', code: df('FROM python:3.12-slim', 'RUN ( cd /src && pip install statistics )'), options: on, errors: [{ line: 2, message: 'pip install statistics without' }] },
    { name: 'a VCS URL without a ref', code: df('FROM python:3.12-slim', 'RUN pip install git+https://github.com/x/y'), options: on, errors: [{ line: 2 }] }
  ]
})
