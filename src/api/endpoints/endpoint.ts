import { z } from 'zod';
import type { Permission } from '../permissions';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One route of the contract. The client, the mock handlers and the OpenAPI document all read
 * these entries, so a route's shape is written exactly once.
 */
export interface Endpoint<
  TParams extends z.ZodObject = z.ZodObject,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TResponse extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Relative to `/api/v1`, with `:name` path parameters. */
  path: string;
  summary: string;
  tag: string;
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  response: TResponse;
  /** Omitted only for the login route; every other route needs a bearer token. */
  auth?: false;
  /** The permission the caller's role must hold (403 otherwise). */
  permission?: Permission;
  /** Updates carry `If-Match: <version>` and answer 409 with the current resource on mismatch. */
  ifMatch?: true;
  successStatus?: 200 | 201 | 204;
}

export function endpoint<
  TParams extends z.ZodObject = z.ZodObject<Record<string, never>>,
  TQuery extends z.ZodType = z.ZodUndefined,
  TBody extends z.ZodType = z.ZodUndefined,
  TResponse extends z.ZodType = z.ZodType,
>(definition: Endpoint<TParams, TQuery, TBody, TResponse>) {
  return definition;
}

export const idParams = z.object({ id: z.string().min(1) });
export const noContent = z.null();
