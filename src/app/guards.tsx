import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigation } from 'react-router';
import type { Permission } from '../api/permissions';
import { useSessionState } from '../lib/session';
import { useCan } from '../lib/use-can';
import { ForbiddenPage } from './pages/forbidden-page';

/**
 * Sends a signed-out user to the login page; after an expiry, back once signed in: to the page
 * being opened when the session ended (its code still loading, say), else to this one.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, ended } = useSessionState();
  const location = useLocation();
  const opening = useNavigation().location;
  if (session) return children;
  const search = new URLSearchParams();
  const next = opening ?? location;
  if (ended !== 'signedOut') search.set('next', `${next.pathname}${next.search}`);
  if (ended) search.set('reason', ended);
  const query = search.toString();
  return <Navigate to={`/login${query ? `?${query}` : ''}`} replace />;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <ForbiddenPage />;
}
