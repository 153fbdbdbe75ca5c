// Jest's afterEach cannot tell whether its test failed; the browser fixture needs to know, to
// report what the page showed at that moment. This environment marks the failing test's global.
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

class FailureAwareEnvironment extends NodeEnvironment {
  handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__testFailed = false;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.global.__testFailed = true;
  }
}

module.exports = FailureAwareEnvironment;
