import { z } from 'zod';
import { loginRequestSchema, sessionSchema, userListQuerySchema, userSchema, userUpdateSchema } from '../schemas/auth';
import { dictionariesSchema, dictionaryEntrySchema, dictionaryEntryUpdateSchema } from '../schemas/dictionaries';
import { officerSchema } from '../schemas/saved-views';
import { holidayYearParamsSchema, holidayYearSchema, holidayYearUpdateSchema } from '../schemas/calendar';
import { endpoint, idParams, noContent, type Endpoint } from './endpoint';

/** Signing in and out, users, officers and dictionaries (reference data). */
export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/auth/login',
    summary: 'Sign in; answers a bearer token',
    tag: 'auth',
    auth: false,
    body: loginRequestSchema,
    response: sessionSchema,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/auth/logout',
    summary: 'End the current session',
    tag: 'auth',
    response: noContent,
    successStatus: 204,
  }),
  me: endpoint({
    method: 'GET',
    path: '/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    response: userSchema,
  }),
  listUsers: endpoint({
    method: 'GET',
    path: '/users',
    summary: 'Users with roles and departments',
    tag: 'admin',
    permission: 'user:read',
    query: userListQuerySchema,
    response: z.array(userSchema),
  }),
  updateUser: endpoint({
    method: 'PUT',
    path: '/users/:id',
    summary: "Change a user's role, department or active flag",
    tag: 'admin',
    permission: 'user:manage',
    params: idParams,
    body: userUpdateSchema,
    response: userSchema,
    ifMatch: true,
  }),
  listOfficers: endpoint({
    method: 'GET',
    path: '/officers',
    summary: 'Active users who can be given records and cases (names and departments only)',
    tag: 'dictionaries',
    response: z.array(officerSchema),
  }),
  getDictionaries: endpoint({
    method: 'GET',
    path: '/dictionaries',
    summary: 'All reference data: channels, events, tiers, industries, towns, departments, categories, policies',
    tag: 'dictionaries',
    response: dictionariesSchema,
  }),
  updateDictionaryEntry: endpoint({
    method: 'PUT',
    path: '/dictionaries/:kind/:code',
    summary: 'Rename, reorder or deactivate a dictionary entry',
    tag: 'dictionaries',
    permission: 'dictionary:manage',
    params: z.object({ kind: z.string(), code: z.string() }),
    body: dictionaryEntryUpdateSchema,
    response: dictionaryEntrySchema,
  }),
  listHolidayYears: endpoint({
    method: 'GET',
    path: '/calendar/holidays',
    summary: 'The official holiday arrangements (days off, 调休 working days) by year',
    tag: 'dictionaries',
    response: z.array(holidayYearSchema),
  }),
  saveHolidayYear: endpoint({
    method: 'PUT',
    path: '/calendar/holidays/:year',
    summary: "Enter or replace a year's holiday arrangement (If-Match 0 for a year not yet entered)",
    tag: 'dictionaries',
    permission: 'dictionary:manage',
    params: holidayYearParamsSchema,
    body: holidayYearUpdateSchema,
    response: holidayYearSchema,
    ifMatch: true,
  }),
} satisfies Record<string, Endpoint>;
