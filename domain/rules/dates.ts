/**
 * The backend's names for the shared calendar (`src/lib/calendar.ts`): one set of rules for days,
 * spans, instants and working days in the app and in the mock backend.
 */
export {
  addDays,
  chinaDay as cstDay,
  chinaIsoAt as isoAt,
  compareInstants,
  toChinaIso as toCstIso,
} from '../../src/lib/calendar';
