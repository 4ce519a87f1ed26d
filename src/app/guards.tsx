import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../api/permissions';
import { useSessionState } from '../lib/session';
import { useCan } from '../lib/use-can';
import { ForbiddenPage } from './pages/forbidden-page';

/** Sends a signed-out user to the login page; after an expiry, back here once signed in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, ended } = useSessionState();
  const location = useLocation();
  if (session) return children;
  const search = new URLSearchParams();
  if (ended !== 'signedOut') search.set('next', `${location.pathname}${location.search}`);
  if (ended) search.set('reason', ended);
  const query = search.toString();
  return <Navigate to={`/login${query ? `?${query}` : ''}`} replace />;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <ForbiddenPage />;
}
