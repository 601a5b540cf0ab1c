// Ends a run that included the fault suite (test/fault/) with one plain line,
// "fault: N passed, N failed", so the number of fault cases is visible on its own.
const path = require('node:path');

const FAULT_DIR = `${path.sep}test${path.sep}fault${path.sep}`;

class FaultReporter {
  onRunComplete(_contexts, results) {
    const files = results.testResults.filter((file) => file.testFilePath.includes(FAULT_DIR));
    if (files.length === 0) return;
    const passed = files.reduce((n, file) => n + file.numPassingTests, 0);
    // A file that could not run counts as one failure, as in summary-reporter.js.
    const failed = files.reduce((n, file) => n + file.numFailingTests + (file.testExecError ? 1 : 0), 0);
    process.stdout.write(`fault: ${passed} passed, ${failed} failed\n`);
  }
}

module.exports = FaultReporter;
