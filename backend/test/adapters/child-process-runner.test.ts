import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ChildProcessTaskRunner, type ChildProcessTaskRunnerOptions } from '../../src/adapters/task-runner/child-process-runner';
import type { TaskStatus } from '../../src/adapters/task-runner/task-runner';
import { AppError } from '@r2w/cv-schema';
import { waitFor } from '../support/ports';

// One fixture builder whose behaviour the task's env selects, so every test also proves
// that TaskSpec.env reaches the child.
const FIXTURE = `
const fs = require('node:fs');
const { MODE, EXIT_CODE, OUT_FILE, BUILD_ID, FROM_BASE, PID_FILE } = process.env;
if (PID_FILE) { fs.writeFileSync(PID_FILE + '.tmp', String(process.pid)); fs.renameSync(PID_FILE + '.tmp', PID_FILE); }
console.log('builder out ' + BUILD_ID);
console.error('builder err ' + BUILD_ID);
if (MODE === 'env') fs.writeFileSync(OUT_FILE, JSON.stringify({ BUILD_ID, FROM_BASE }));
if (MODE === 'exit') process.exit(Number(EXIT_CODE));
if (MODE === 'throw') throw new Error('builder crashed');
if (MODE === 'ignore-sigterm') process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
if (MODE === 'sleep' || MODE === 'ignore-sigterm') { console.log('ready'); setInterval(() => {}, 1000); }
`;

let dir: string;
let fixture: string;
const runners: ChildProcessTaskRunner[] = [];

function runner(options: Partial<ChildProcessTaskRunnerOptions> = {}): ChildProcessTaskRunner {
  const r = new ChildProcessTaskRunner({ command: [process.execPath, fixture], logDir: path.join(dir, 'logs'), ...options });
  runners.push(r);
  return r;
}

async function untilStopped(r: ChildProcessTaskRunner, taskId: string): Promise<TaskStatus> {
  await waitFor(async () => (await r.status(taskId)).state === 'stopped', { what: `task ${taskId} to stop`, timeoutMs: 10_000, intervalMs: 20 });
  return r.status(taskId);
}

async function logOf(taskId: string): Promise<string> {
  return readFile(path.join(dir, 'logs', `${taskId}.log`), 'utf8');
}

async function untilLogged(taskId: string, text: string): Promise<void> {
  await waitFor(async () => (await logOf(taskId)).includes(text), { what: `"${text}" in the log`, timeoutMs: 10_000, intervalMs: 20 });
}

async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed orphan stays a zombie, which signal 0 still finds, where PID 1 does not reap.
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return !/^\d+ \(.*\) Z/.test(stat);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'child-runner-'));
  fixture = path.join(dir, 'builder.js');
  await writeFile(fixture, FIXTURE);
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stopAll()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ChildProcessTaskRunner', () => {
  it('passes the spec env on top of the base env', async () => {
    const outFile = path.join(dir, 'env.json');
    const r = runner({ baseEnv: { FROM_BASE: 'base-value', BUILD_ID: 'overridden' } });
    const { taskId } = await r.start({ env: { MODE: 'env', OUT_FILE: outFile, BUILD_ID: 'build-42' } });

    expect(await untilStopped(r, taskId)).toStrictEqual({ taskId, state: 'stopped', exitCode: 0 });
    expect(JSON.parse(await readFile(outFile, 'utf8'))).toStrictEqual({ BUILD_ID: 'build-42', FROM_BASE: 'base-value' });
  });

  it('uses process.env as the base env by default', async () => {
    const outFile = path.join(dir, 'env-default.json');
    process.env.FROM_BASE = 'from-process-env';
    try {
      const r = runner();
      const { taskId } = await r.start({ env: { MODE: 'env', OUT_FILE: outFile, BUILD_ID: 'b' } });
      await untilStopped(r, taskId);
    } finally {
      delete process.env.FROM_BASE;
    }
    expect(JSON.parse(await readFile(outFile, 'utf8'))).toStrictEqual({ BUILD_ID: 'b', FROM_BASE: 'from-process-env' });
  });

  it.each([
    ['0', { exitCode: 0 }],
    ['3', { exitCode: 3, reason: 'exited with code 3' }],
  ])('reports exit code %s', async (code, expected) => {
    const r = runner();
    const { taskId } = await r.start({ env: { MODE: 'exit', EXIT_CODE: code } });
    expect(await untilStopped(r, taskId)).toStrictEqual({ taskId, state: 'stopped', ...expected });
  });

  it('reports a crash as a non-zero exit', async () => {
    const r = runner();
    const { taskId } = await r.start({ env: { MODE: 'throw' } });
    expect(await untilStopped(r, taskId)).toStrictEqual({ taskId, state: 'stopped', exitCode: 1, reason: 'exited with code 1' });
    expect(await logOf(taskId)).toContain('Error: builder crashed');
  });

  it('writes stdout and stderr to <logDir>/<taskId>.log', async () => {
    const r = runner();
    const { taskId } = await r.start({ env: { MODE: 'exit', EXIT_CODE: '0', BUILD_ID: 'log-check' } });
    await untilStopped(r, taskId);
    const log = await logOf(taskId);
    expect(log).toContain('builder out log-check\n');
    expect(log).toContain('builder err log-check\n');
  });

  it('reports a long-running child as running, and stop() as a SIGTERM', async () => {
    const r = runner();
    const { taskId } = await r.start({ env: { MODE: 'sleep' } });
    await untilLogged(taskId, 'ready');
    expect(await r.status(taskId)).toStrictEqual({ taskId, state: 'running', exitCode: null });

    await r.stop(taskId, 'cancelled by user');
    expect(await r.status(taskId)).toStrictEqual({ taskId, state: 'stopped', exitCode: null, reason: 'cancelled by user (killed by SIGTERM)' });
  });

  it('escalates to SIGKILL when the child ignores SIGTERM', async () => {
    const r = runner({ killGraceSeconds: 0.3 });
    const { taskId } = await r.start({ env: { MODE: 'ignore-sigterm' } });
    await untilLogged(taskId, 'ready');

    await r.stop(taskId, 'cancelled by user');
    expect(await r.status(taskId)).toStrictEqual({ taskId, state: 'stopped', exitCode: null, reason: 'cancelled by user (killed by SIGKILL)' });
    expect(await logOf(taskId)).toContain('ignoring SIGTERM');
  });

  it('stops a task that runs past maxRunSeconds', async () => {
    const r = runner({ maxRunSeconds: 0.5 });
    const { taskId } = await r.start({ env: { MODE: 'sleep' } });
    const started = Date.now();
    expect(await untilStopped(r, taskId)).toStrictEqual({ taskId, state: 'stopped', exitCode: null, reason: 'timed out after 0.5 s (killed by SIGTERM)' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('does not time out a task that finishes in time', async () => {
    const r = runner({ maxRunSeconds: 5 });
    const { taskId } = await r.start({ env: { MODE: 'exit', EXIT_CODE: '0' } });
    expect(await untilStopped(r, taskId)).toStrictEqual({ taskId, state: 'stopped', exitCode: 0 });
  });

  it('reports an unknown task id as stopped with a reason', async () => {
    expect(await runner().status('no-such-task')).toStrictEqual({
      taskId: 'no-such-task',
      state: 'stopped',
      exitCode: null,
      reason: 'unknown task (the runner was restarted)',
    });
  });

  it('treats stop() of an unknown or finished task as done', async () => {
    const r = runner();
    const { taskId } = await r.start({ env: { MODE: 'exit', EXIT_CODE: '0' } });
    await untilStopped(r, taskId);
    await r.stop(taskId, 'too late');
    await r.stop('no-such-task', 'never existed');
    expect(await r.status(taskId)).toStrictEqual({ taskId, state: 'stopped', exitCode: 0 });
  });

  it('rejects a command that cannot be spawned, leaving no task or log behind', async () => {
    const logDir = path.join(dir, 'enoent-logs');
    const r = new ChildProcessTaskRunner({ command: [path.join(dir, 'no-such-builder')], logDir });
    const attempt = r.start({ env: {} });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'INTERNAL', status: 500, message: expect.stringContaining('no-such-builder') });
    await expect(attempt).rejects.toThrow(/ENOENT/);
    expect(await readdir(logDir)).toStrictEqual([]);
    await r.stopAll();
  });

  it('forgets the oldest finished tasks beyond keepFinishedTasks', async () => {
    const r = runner({ keepFinishedTasks: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { taskId } = await r.start({ env: { MODE: 'exit', EXIT_CODE: String(i) } });
      await untilStopped(r, taskId);
      ids.push(taskId);
    }
    const statuses = await Promise.all(ids.map((id) => r.status(id)));
    expect(statuses.map((s) => [s.exitCode, s.reason])).toStrictEqual([
      [null, 'unknown task (the runner was restarted)'],
      [1, 'exited with code 1'],
      [2, 'exited with code 2'],
    ]);
  });

  it('stopAll() kills every running task', async () => {
    const r = runner({ killGraceSeconds: 0.3 });
    const polite = await r.start({ env: { MODE: 'sleep' } });
    const stubborn = await r.start({ env: { MODE: 'ignore-sigterm' } });
    await Promise.all([untilLogged(polite.taskId, 'ready'), untilLogged(stubborn.taskId, 'ready')]);

    await r.stopAll();
    expect(await r.status(polite.taskId)).toStrictEqual({
      taskId: polite.taskId,
      state: 'stopped',
      exitCode: null,
      reason: 'the API is shutting down (killed by SIGTERM)',
    });
    expect(await r.status(stubborn.taskId)).toStrictEqual({
      taskId: stubborn.taskId,
      state: 'stopped',
      exitCode: null,
      reason: 'the API is shutting down (killed by SIGKILL)',
    });
  });

  it('kills its children when the API process exits', async () => {
    const pidFile = path.join(dir, 'child.pid');
    const api = path.join(dir, 'api.ts');
    const runnerModule = path.resolve(__dirname, '../../src/adapters/task-runner/child-process-runner');
    await writeFile(
      api,
      `import { existsSync } from 'node:fs';
import { ChildProcessTaskRunner } from ${JSON.stringify(runnerModule)};
const runner = new ChildProcessTaskRunner({ command: [process.execPath, ${JSON.stringify(fixture)}], logDir: ${JSON.stringify(path.join(dir, 'logs'))} });
void runner.start({ env: { MODE: 'sleep', PID_FILE: ${JSON.stringify(pidFile)} } });
setInterval(() => { if (existsSync(${JSON.stringify(pidFile)})) process.exit(0); }, 20);
`,
    );
    await promisify(execFile)(process.execPath, ['--require', require.resolve('tsx/cjs'), api], { timeout: 10_000 });

    const pid = Number(await readFile(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    await waitFor(async () => !(await isRunning(pid)), { what: `the orphaned child ${pid} to die`, timeoutMs: 2_000, intervalMs: 20 });
  });
});
