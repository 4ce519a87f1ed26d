import { createContext, use, type ReactNode } from 'react';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: 'viewer' | 'officer' | 'manager' | 'admin';
  /** In both languages, as the login page (before any dictionary loads) shows it. */
  department: { name: string; nameEn: string };
}

/**
 * What the mock API offers the app when it runs on demo data. Null against a real API.
 * `src/` learns of the mocks only through this interface, handed over at start-up.
 */
export interface DemoControls {
  accounts: DemoAccount[];
  /** Names of the faults the mock API was told to inject, for a visible warning. */
  activeFaults: string[];
  reset: () => Promise<void>;
}

const DemoContext = createContext<DemoControls | null>(null);

export function DemoProvider({ value, children }: { value: DemoControls | null; children: ReactNode }) {
  return <DemoContext value={value}>{children}</DemoContext>;
}

export function useDemo(): DemoControls | null {
  return use(DemoContext);
}
