import { describe, expect, it } from 'vitest';
import { getIn, setIn } from '../lib/set-in';

describe('setIn', () => {
  it('copies only along the path and leaves the original alone', () => {
    const original = { a: { b: [{ c: 1 }, { c: 2 }] }, other: { x: 1 } };
    const next = setIn(original, ['a', 'b', 1, 'c'], 5);
    expect(getIn(next, ['a', 'b', 1, 'c'])).toBe(5);
    expect(original.a.b[1]!.c).toBe(2);
    expect(next.other).toBe(original.other);
    expect(next.a.b[0]).toBe(original.a.b[0]);
  });

  it('removes a key set to undefined, so unknown facts stay absent', () => {
    expect(setIn({ hero: { fullName: 'A', professionalTitle: 'B' } }, ['hero', 'professionalTitle'], undefined)).toEqual({ hero: { fullName: 'A' } });
  });

  it('creates missing objects on the way', () => {
    expect(setIn({ contact: {} } as Record<string, unknown>, ['contact', 'location', 'city'], 'Lyon')).toEqual({ contact: { location: { city: 'Lyon' } } });
  });
});
