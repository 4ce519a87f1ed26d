import type { z } from 'zod';
import { authEndpoints } from './endpoints/auth';
import { intakeEndpoints } from './endpoints/intake';
import { policyPatchEndpoints } from './endpoints/policy-patches';
import { exportEndpoints } from './endpoints/exports';
import { serviceCaseEndpoints } from './endpoints/service-cases';
import { sharedEndpoints } from './endpoints/shared';

export type { Endpoint } from './endpoints/endpoint';

export const API_BASE_PATH = '/api/v1';

/**
 * Every route of the contract, one file per area under `endpoints/`. The client, the mock
 * handlers and the OpenAPI document all read this table, so a route's shape is written once.
 */
export const endpoints = {
  ...authEndpoints,
  ...intakeEndpoints,
  ...policyPatchEndpoints,
  ...serviceCaseEndpoints,
  ...exportEndpoints,
  ...sharedEndpoints,
};

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

type Part<N extends EndpointName, K extends 'params' | 'query' | 'body'> = Endpoints[N] extends { [P in K]?: infer S }
  ? S
  : never;
type Infer<T> = T extends z.ZodType ? z.infer<T> : never;
export type ResponseOf<N extends EndpointName> = Infer<Endpoints[N]['response']>;
export type BodyOf<N extends EndpointName> = Infer<Part<N, 'body'>>;
/** Query values as the caller writes them (before defaults and coercion). */
export type QueryOf<N extends EndpointName> =
  Part<N, 'query'> extends z.ZodType ? Partial<z.input<Part<N, 'query'>>> : never;
export type ParamsOf<N extends EndpointName> = Infer<Part<N, 'params'>>;
