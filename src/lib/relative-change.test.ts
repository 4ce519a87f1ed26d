import { describe, expect, it } from 'vitest';
import { pointChange, ratio, relativeChange } from './relative-change';

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

describe('pointChange', () => {
  it('gives the change of a rate in percentage points, not relative percent', () => {
    expect(pointChange(0.12, 0.1)).toBeCloseTo(0.02);
    expect(pointChange(0.3, 0.35)).toBeCloseTo(-0.05);
    expect(pointChange(0.3, null)).toBeNull();
  });
});
