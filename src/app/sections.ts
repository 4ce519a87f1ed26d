import {
  BarChart3,
  ClipboardList,
  FileSpreadsheet,
  LayoutDashboard,
  Settings,
  Wrench,
  type LucideIcon,
} from 'lucide-react';
import type { Permission } from '../api/permissions';
import type { MessageKey } from '../lib/i18n/zh-cn';

export interface AppSection {
  path: string;
  label: MessageKey;
  icon: LucideIcon;
  /** Without it every signed-in role may open the section. */
  permission?: Permission;
}

/** The sidebar and the route guards both read this list, so they cannot disagree. */
export const appSections = {
  overview: { path: '/', label: 'nav.overview', icon: LayoutDashboard },
  intake: { path: '/intake', label: 'nav.intake', icon: BarChart3 },
  policyPatches: { path: '/policy-patches', label: 'nav.policyPatches', icon: Wrench },
  serviceCases: { path: '/service-cases', label: 'nav.serviceCases', icon: ClipboardList },
  reports: { path: '/reports', label: 'nav.reports', icon: FileSpreadsheet, permission: 'report:export' },
  admin: { path: '/admin', label: 'nav.admin', icon: Settings, permission: 'user:manage' },
} as const satisfies Record<string, AppSection>;

export type SectionId = keyof typeof appSections;
