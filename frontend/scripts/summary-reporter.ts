import type { Reporter, TestModule } from 'vitest/node';

/** One line per run, `<label>: N passed, N failed`, as the other workspaces' test runs print. */
export class SummaryReporter implements Reporter {
  constructor(private readonly label: string) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
      }
      // A file that failed to load has no tests to count but must not look green.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    console.log(`${this.label}: ${passed} passed, ${failed} failed`);
  }
}
