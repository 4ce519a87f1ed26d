import { useSyncExternalStore } from 'react';
import { sessionSchema, type Session } from '../api/schemas/auth';

const STORAGE_KEY = 'tod.session';

/** Why the last session ended; the login page explains it. */
export type SessionEnd = 'expired' | 'signedOut' | null;

interface SessionState {
  session: Session | null;
  ended: SessionEnd;
}

function read(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || Date.parse(parsed.data.expiresAt) <= Date.now()) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

let state: SessionState = { session: read(), ended: null };
const listeners = new Set<() => void>();

function update(next: SessionState) {
  state = next;
  listeners.forEach((listener) => listener());
}

/** The signed-in session, kept in localStorage so a reload keeps the user signed in. */
export const sessionStore = {
  get: (): SessionState => state,
  token: (): string | null => state.session?.token ?? null,
  signIn(session: Session) {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    update({ session, ended: null });
  },
  end(reason: Exclude<SessionEnd, null>) {
    if (!state.session && state.ended === reason) return;
    localStorage.removeItem(STORAGE_KEY);
    update({ session: null, ended: reason });
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Forgets the session and why it ended, as on a fresh start. */
  reset() {
    localStorage.removeItem(STORAGE_KEY);
    update({ session: null, ended: null });
  },
  /** Re-reads storage; used when another tab signs in or out. */
  reload() {
    update({ session: read(), ended: state.ended });
  },
};

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) sessionStore.reload();
  });
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
