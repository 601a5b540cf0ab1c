import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app';
import cdkJson from '../../cdk.json';

// Synthesizes the stack once for every test file (a synth takes seconds of CPU), exactly as
// `npm run synth` does: cdk.json's context and cdk-nag's AwsSolutions pack as a validation
// plugin, so an unacknowledged finding fails the whole run here with the findings listed.
export default function globalSetup(): void {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'r2w-ecs-'));
  const { app, stack } = createApp({ ...cdkJson.context }, outdir);
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template as unknown;
  writeFileSync(path.join(outdir, 'template.json'), JSON.stringify(template));
  process.env.R2W_ECS_SYNTH_DIR = outdir;
}
