import type { Store } from '../../domain/store';
import type { Database } from './database';
import { auditStore } from './store/audit';
import { serviceMonthStore, serviceRecordStore } from './store/casework';
import { nextSerial } from './store/counters';
import { dictionaryStore } from './store/dictionaries';
import { holidayStore } from './store/holidays';
import { settingStore } from './store/settings';
import { intakeStore } from './store/intake';
import { patchStore } from './store/policy-patches';
import { savedViewStore } from './store/saved-views';
import { caseStore } from './store/service-cases';
import { sessionStore, userStore } from './store/users';

/**
 * The rules' storage on PostgreSQL (embedded or a server): every list, filter, page and figure
 * is one SQL query; nothing reads a table into memory but the small reference tables.
 *
 * Inside `transaction(work)`, use the store `work` is given. The embedded database has one
 * connection: a call on the outer store waits for the transaction to end, which never comes.
 */
export function createSqlStore(db: Database): Store {
  return boundTo(db, false);
}

/** A store whose every call runs on `db`: the database itself, or one open transaction. */
function boundTo(db: Database, inTransaction: boolean): Store {
  const store: Store = {
    users: userStore(db),
    sessions: sessionStore(db),
    dictionaries: dictionaryStore(db),
    holidays: holidayStore(db),
    scoringSettings: settingStore(db, 'scoring'),
    knowledgeBase: settingStore(db, 'knowledge'),
    intakeRecords: intakeStore(db),
    policyPatches: patchStore(db),
    serviceMonths: serviceMonthStore(db),
    serviceRecords: serviceRecordStore(db),
    serviceCases: caseStore(db),
    savedViews: savedViewStore(db),
    audit: auditStore(db),
    nextSerial: (prefix) => nextSerial(db, prefix),
    transaction: (work) =>
      // Nested calls join the transaction already open: all of it commits or none.
      inTransaction ? work(store) : db.transaction((tx) => work(boundTo(tx, true))),
  };
  return store;
}
