import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  if (process.env.R2W_ECS_SYNTH_DIR) rmSync(process.env.R2W_ECS_SYNTH_DIR, { recursive: true, force: true });
}
