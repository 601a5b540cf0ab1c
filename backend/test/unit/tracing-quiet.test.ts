import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

// X-Ray on with no daemon listening (a laptop, a test run): segments go out as UDP that no one
// receives, work outside any request or job has no segment, and none of it may print a line.
// Run in a process of its own, with the console at info level, so everything it writes is seen.
const SCRIPT = `
const { createLogger } = require('./src/observability/logger');
const { createTracing } = require('./src/observability/tracing');
const logger = createLogger({ level: 'info', service: 'quiet-check' });
const tracing = createTracing({ daemonAddress: '127.0.0.1:9', serviceName: 'quiet-check', logger });
(async () => {
  // Outside any segment: the SDK would report "context missing" by default.
  await tracing.subsegment('database', async () => 1);
  if (tracing.traceHeader() !== undefined) throw new Error('a trace header outside any segment');
  // A whole traced job, sent to a port no daemon listens on.
  await tracing.continueTrace('quiet-job', 'Root=1-5f84c7a1-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1', { job: 'check' }, () =>
    tracing.subsegment('Claude', async () => tracing.traceHeader(), { namespace: 'remote' }),
  );
})();
`;

it('X-Ray without a daemon prints nothing', async () => {
  const child = spawn(process.execPath, ['--conditions=r2w-source', '--import', 'tsx', '-e', SCRIPT], {
    cwd: path.resolve(__dirname, '../..'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(child, 'exit');
  expect({ code, output }).toEqual({ code: 0, output: '' });
});
