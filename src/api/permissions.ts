import type { Role, User } from './schemas/auth';

/** The talent office (人才办) sees every case; other departments see their own. */
export const TALENT_OFFICE_DEPARTMENT = 'dept.rcb';

interface Grant {
  roles: readonly Role[];
  /** The talent office's own registers: held only by its staff, whatever their role. */
  talentOfficeOnly?: true;
}

/**
 * What each role may do, and where the department matters. The UI hides what a user may not do
 * and the mock backend answers 403 for the same rules, so a hidden button is never the only
 * protection.
 */
const grants = {
  'user:read': { roles: ['admin'] },
  'user:manage': { roles: ['admin'] },
  'dictionary:manage': { roles: ['admin'] },
  /** The intake register's records (not its figures) are the talent office's, for every role there. */
  'intake:read': { roles: ['viewer', 'officer', 'manager', 'admin'], talentOfficeOnly: true },
  /** The intake register is the talent office's: another department's officer only reads figures. */
  'intake:write': { roles: ['officer', 'manager', 'admin'], talentOfficeOnly: true },
  /** Personal data of intake records (the talent's phone) unmasked. */
  'intake:personal:read': { roles: ['officer', 'manager', 'admin'], talentOfficeOnly: true },
  'case:triage': { roles: ['officer', 'manager', 'admin'] },
  'case:supervise': { roles: ['manager', 'admin'] },
  /** The casework's rules the talent office sets for every department: scoring weights and the standard answers. */
  'case:configure': { roles: ['manager', 'admin'], talentOfficeOnly: true },
  'patch:propose': { roles: ['officer', 'manager', 'admin'] },
  'patch:approve': { roles: ['manager', 'admin'] },
  'report:export': { roles: ['manager', 'admin'] },
  /** Personal data (phone, ID number, address) of the cases in the user's data scope unmasked. */
  'personal:read': { roles: ['officer', 'manager', 'admin'] },
} as const satisfies Record<string, Grant>;

export type Permission = keyof typeof grants;

/** Who is asking: a user, or at least their role and department. */
export type Subject = Pick<User, 'role' | 'departmentCode'>;

/**
 * Whether a user holds a permission. A bare role is still accepted for role-only permissions;
 * for a department-bound one (intake writes, intake personal data) it is never enough.
 */
export function can(subject: Subject | Role | undefined, permission: Permission): boolean {
  if (subject === undefined) return false;
  const grant: Grant = grants[permission];
  const { role, departmentCode } = typeof subject === 'string' ? { role: subject, departmentCode: null } : subject;
  if (!grant.roles.includes(role)) return false;
  return !grant.talentOfficeOnly || departmentCode === TALENT_OFFICE_DEPARTMENT;
}
