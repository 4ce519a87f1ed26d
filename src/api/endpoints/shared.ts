import { z } from 'zod';
import { auditEventSchema, auditListQuerySchema } from '../schemas/audit';
import { pageSchema } from '../schemas/common';
import { savedViewCreateSchema, savedViewListQuerySchema, savedViewSchema } from '../schemas/saved-views';
import { endpoint, idParams, noContent, type Endpoint } from './endpoint';

/** Saved views of any table, and the audit trail. */
export const sharedEndpoints = {
  listSavedViews: endpoint({
    method: 'GET',
    path: '/saved-views',
    summary: "The caller's saved views of a table and those shared with the team",
    tag: 'saved-views',
    query: savedViewListQuerySchema,
    response: z.array(savedViewSchema),
  }),
  createSavedView: endpoint({
    method: 'POST',
    path: '/saved-views',
    summary: 'Save a named view, privately or shared with the team',
    tag: 'saved-views',
    body: savedViewCreateSchema,
    response: savedViewSchema,
    successStatus: 201,
  }),
  deleteSavedView: endpoint({
    method: 'DELETE',
    path: '/saved-views/:id',
    summary: 'Delete a saved view (its owner only)',
    tag: 'saved-views',
    params: idParams,
    response: noContent,
    successStatus: 204,
  }),
  listAuditEvents: endpoint({
    method: 'GET',
    path: '/audit-events',
    summary: 'The change history of a record',
    tag: 'audit',
    query: auditListQuerySchema,
    response: pageSchema(auditEventSchema),
  }),
} satisfies Record<string, Endpoint>;
