import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockApi } from '../utils/mock-api';
import { renderApp } from '../utils/render-app';

// In a file of its own: in jsdom, a record drawer (a Radix dialog) left open by an earlier test of
// the same file dismissed the drawer this test opens.
beforeAll(async () => {
  await Promise.all([
    import('../../src/features/intake/intake-page'),
    import('../../src/features/intake/intake-record-drawer'),
  ]);
});

const records = () => [...mockApi.db.intakeRecords.values()];
const section = async () => within((await screen.findByRole('heading', { name: '招引记录' })).closest('section')!);

describe('the keyboard', () => {
  it('moves between rows with the arrows and j/k, jumps with Home/End, opens with Enter; the rows are one Tab stop', async () => {
    const { user, router } = renderApp('/intake?sort=id', { as: 'viewer' });
    const table = await section();
    const rows = () => within(table.getByRole('table')).getAllByRole('row').slice(1);
    await waitFor(() => expect(rows()).toHaveLength(20));
    expect(rows().filter((row) => row.tabIndex === 0)).toHaveLength(1);
    rows()[0]!.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(rows()[1]).toHaveFocus());
    await user.keyboard('j');
    await waitFor(() => expect(rows()[2]).toHaveFocus());
    await user.keyboard('k');
    await waitFor(() => expect(rows()[1]).toHaveFocus());
    await user.keyboard('{End}');
    await waitFor(() => expect(rows()[19]).toHaveFocus());
    expect(rows().filter((row) => row.tabIndex === 0)).toEqual([rows()[19]]);
    const last = [...records()].sort((a, b) => a.id.localeCompare(b.id))[19]!;
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.search).toContain(`record=${last.id}`));
  });
});
