import { can, type Permission } from '../api/permissions';
import { useSessionState } from './session';

/** Whether the signed-in user (role and department) holds a permission; for showing or hiding actions. */
export function useCan(permission: Permission): boolean {
  return can(useSessionState().session?.user, permission);
}
