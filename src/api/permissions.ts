import type { Role } from './schemas/auth';

/**
 * What each role may do. The UI hides what a role may not do and the mock backend answers 403
 * for the same rules, so a hidden button is never the only protection.
 */
const grants = {
  'user:read': ['admin'],
  'user:manage': ['admin'],
  'dictionary:manage': ['admin'],
  'intake:write': ['officer', 'manager', 'admin'],
  'case:triage': ['officer', 'manager', 'admin'],
  'case:supervise': ['manager', 'admin'],
  'patch:propose': ['officer', 'manager', 'admin'],
  'patch:approve': ['manager', 'admin'],
  'report:export': ['manager', 'admin'],
  /** Personal data (phone, ID number, address) unmasked. */
  'personal:read': ['officer', 'manager', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (grants[permission] as readonly Role[]).includes(role);
}

/** The talent office (人才办) sees every case; other departments see their own. */
export const TALENT_OFFICE_DEPARTMENT = 'dept.rcb';
