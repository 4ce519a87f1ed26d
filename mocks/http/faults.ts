import type { EndpointName } from '../../src/api/endpoints';

/**
 * Faults the mock API can be told to produce, for demos and tests:
 * `?mockLatency=800&mockFault=listIntakeRecords:500,caseOverview:malformed` (`*` for every route).
 */
export const faultKinds = ['500', 'timeout', 'offline', 'malformed', 'contract'] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultConfig {
  latencyMs: number;
  faults: Partial<Record<EndpointName | '*', FaultKind>>;
}

export const noFaults: FaultConfig = { latencyMs: 0, faults: {} };

export function parseFaultConfig(search: URLSearchParams): FaultConfig | null {
  const latency = search.get('mockLatency');
  const fault = search.get('mockFault');
  if (latency === null && fault === null) return null;
  const faults: FaultConfig['faults'] = {};
  for (const item of (fault ?? '').split(',').filter(Boolean)) {
    const [name, kind] = item.split(':');
    if (name && (faultKinds as readonly string[]).includes(kind ?? '')) {
      faults[name as EndpointName] = kind as FaultKind;
    }
  }
  return { latencyMs: Math.max(0, Number(latency) || 0), faults };
}

export function faultFor(config: FaultConfig, name: EndpointName): FaultKind | undefined {
  return config.faults[name] ?? config.faults['*'];
}
