import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps a path inside the app, with its query', () => {
    expect(safeNextPath('/intake?channel=ch.event')).toBe('/intake?channel=ch.event');
  });

  it('refuses other sites and the login page itself', () => {
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example/x')).toBe('/');
    expect(safeNextPath('/login?next=/')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
