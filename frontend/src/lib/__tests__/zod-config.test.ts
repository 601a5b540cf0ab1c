import '../zod-config';
import { config, z } from 'zod';
import { describe, expect, it, vi } from 'vitest';

describe('zod under the SPA CSP', () => {
  it('parses without trying eval', () => {
    expect(config().jitless).toBe(true);
    const probe = vi.spyOn(globalThis, 'Function');
    expect(z.object({ name: z.string() }).parse({ name: 'Jordan' })).toEqual({ name: 'Jordan' });
    expect(probe).not.toHaveBeenCalled();
  });
});
