import { Runner, type Family, type FamilyResult } from './harness/cases';
import { authzFamily } from './families/authz';
import { jsonFamily } from './families/json';
import { limitsFamily } from './families/limits';
import { tokensFamily } from './families/tokens';
import { uploadsFamily } from './families/uploads';
import { xssFamily } from './families/xss';

// The abuse suite: hostile uploads, other users' ids, forged tokens, hostile JSON and
// script payloads against a real API process. Prints one line per family and the
// server's memory, lists every failed case, and exits non-zero when any case failed.
// `npm run test:abuse -w backend [-- family ...] [--case <part of a case name>]` runs all
// families or the ones named, all cases or those matching.

const FAMILIES: Family[] = [tokensFamily, authzFamily, jsonFamily, xssFamily, uploadsFamily, limitsFamily];

function report(results: FamilyResult[]): number {
  let failed = 0;
  for (const family of results) {
    for (const result of family.results.filter((r) => r.error)) {
      failed += 1;
      console.log(`FAILED [${family.name}] ${result.name}\n    ${result.error!.replace(/\n/g, '\n    ')}`);
    }
  }
  return failed;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const caseAt = args.indexOf('--case');
  const caseFilter = caseAt >= 0 ? (args.splice(caseAt, 2)[1] ?? '') : '';
  const wanted = args;
  const unknown = wanted.filter((name) => !FAMILIES.some((f) => f.name === name));
  if (unknown.length > 0) throw new Error(`no such family: ${unknown.join(', ')} (families: ${FAMILIES.map((f) => f.name).join(', ')})`);
  const runner = await Runner.start(caseFilter);
  const results: FamilyResult[] = [];
  try {
    for (const family of FAMILIES.filter((f) => wanted.length === 0 || wanted.includes(f.name))) {
      results.push(await runner.runFamily(family));
    }
  } finally {
    await runner.stop();
  }
  const failed = report(results);
  console.log('');
  for (const family of results) {
    console.log(`abuse ${family.name}: ${family.results.length} tried, ${family.results.filter((r) => r.error).length} failed`);
  }
  const final = runner.finalMemory;
  console.log(`abuse server memory: peak RSS ${mb(runner.peakKb)} MB (VmHWM), final RSS ${mb(final.rssKb)} MB (VmRSS)${runner.restarts ? `, after ${runner.restarts} restart(s)` : ''}`);
  console.log(`abuse server and children: peak RSS ${mb(runner.treePeakKb)} MB together (sampled), largest child peak ${mb(runner.childPeakKb)} MB (VmHWM)`);
  console.log(`abuse server logs: ${runner.logFiles.join(' ')}`);
  const tried = results.reduce((sum, family) => sum + family.results.length, 0);
  // The closing line in the form every suite of the project ends with.
  console.log(`abuse: ${tried - failed} passed, ${failed} failed`);
  return failed;
}

function mb(kb: number): string {
  return (kb / 1024).toFixed(0);
}

main().then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
