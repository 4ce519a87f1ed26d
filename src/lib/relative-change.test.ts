import { describe, expect, it } from 'vitest';
import { ratio, relativeChange } from './relative-change';

describe('relativeChange', () => {
  it('gives the change as a share of the earlier value', () => {
    expect(relativeChange(120, 100)).toBeCloseTo(0.2);
    expect(relativeChange(75, 100)).toBeCloseTo(-0.25);
  });

  it('has no answer when the earlier value is zero', () => {
    expect(relativeChange(5, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
  });
});
