// Lists every skipped test with its reason at the end of the run, so a skip is never silent.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReporter implements Reporter {
  readonly #skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description ?? 'no reason given';
    const project = test.parent.project()?.name ?? '';
    this.#skipped.push(`  [${project}] ${test.titlePath().slice(3).join(' › ')} — ${reason}`);
  }

  onEnd() {
    if (this.#skipped.length === 0) return;
    console.log(`\n${this.#skipped.length} skipped, each with its reason:\n${this.#skipped.join('\n')}\n`);
  }
}
