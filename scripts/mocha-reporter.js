// Mocha's spec reporter, plus one closing line in the plain form CI logs are read for.
'use strict';
const Mocha = require('mocha');

class FoundationsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      process.stdout.write(`tests: ${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}

module.exports = FoundationsReporter;
