import { describe, expect, it } from 'vitest';
import { applySearchPatch } from './use-search-state';

describe('applySearchPatch', () => {
  it('writes arrays as repeated keys, drops empty values and can go back to page 1', () => {
    const next = applySearchPatch(
      new URLSearchParams('page=3&q=张&channel=ch.event'),
      {
        channel: ['ch.market', 'ch.event'],
        q: '',
        town: undefined,
      },
      true,
    );
    expect(next.toString()).toBe('channel=ch.market&channel=ch.event');
  });
});
