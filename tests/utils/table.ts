import { waitFor, type within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';

type Scope = ReturnType<typeof within>;

/**
 * Ticks a row's (or the page's) checkbox as a user would: once it can be ticked (rows shown while
 * the next page loads take no selection), and waits until the tick has taken.
 */
export async function tick(user: UserEvent, scope: Scope, name: string): Promise<void> {
  await scope.findByRole('checkbox', { name });
  // The box as it is once it can be ticked: a row re-rendered meanwhile has a new one.
  const box = await waitFor(() => {
    const current = scope.getByRole('checkbox', { name });
    expect(current).toBeEnabled();
    expect(current.closest('[aria-busy]')).toBeNull();
    return current;
  });
  await user.click(box);
  await waitFor(() => expect(scope.getByRole('checkbox', { name })).toBeChecked());
}
