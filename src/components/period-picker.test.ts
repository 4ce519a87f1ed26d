import { describe, expect, it } from 'vitest';
import { presetPeriod } from './period-picker';

describe('presetPeriod', () => {
  it('gives whole calendar months, quarters and years', () => {
    expect(presetPeriod('thisMonth', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetPeriod('thisQuarter', '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('lastYear', '2026-11-25')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('all', '2026-11-25')).toEqual({});
  });
});
