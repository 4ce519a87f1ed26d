import { z } from 'zod';
import { API_BASE_PATH, endpoints, type Endpoint } from '../src/api/endpoints';
import { problemDetailsSchema } from '../src/api/schemas/common';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  return rest;
}

/** Query parameters from a query schema; multi-value filters repeat their key. */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: object.required?.includes(name) ?? false,
    ...(property.description ? { description: property.description } : {}),
    schema: property,
    ...(property.type === 'array' || property.anyOf ? { style: 'form', explode: true } : {}),
  }));
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});

function operation(name: string, endpoint: Endpoint) {
  const parameters: JsonSchema[] = [];
  for (const [param] of endpoint.path.matchAll(/:([a-zA-Z]+)/g)) {
    parameters.push({ name: param.slice(1), in: 'path', required: true, schema: { type: 'string' } });
  }
  if (endpoint.query) parameters.push(...queryParameters(endpoint.query));
  if (endpoint.ifMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: true,
      description: 'The `version` of the resource being changed, e.g. `"3"`.',
      schema: { type: 'string' },
    });
  }
  const status = String(endpoint.successStatus ?? 200);
  const responses: Record<string, unknown> = {
    [status]:
      status === '204'
        ? { description: 'Done' }
        : { description: 'OK', content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } } },
    '400': problem('Malformed query or body'),
  };
  if (endpoint.auth !== false) responses['401'] = problem('Not signed in, or the session expired');
  if (endpoint.permission) responses['403'] = problem(`The role lacks \`${endpoint.permission}\``);
  if (endpoint.params) responses['404'] = problem('No such resource, or outside the data scope');
  if (endpoint.ifMatch) {
    responses['409'] = problem('Version conflict (`current` holds the resource) or a step the workflow forbids');
    responses['428'] = problem('If-Match missing');
  }
  if (endpoint.body) responses['422'] = problem('Validation failed; `errors` lists the fields');
  responses['500'] = problem('Server error');

  return {
    operationId: name,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(endpoint.auth === false ? { security: [] } : {}),
    ...(endpoint.permission ? { 'x-permission': endpoint.permission } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document a real backend implements, derived from the one contract. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    const path = `${API_BASE_PATH}${endpoint.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`;
    paths[path] ??= {};
    paths[path][endpoint.method.toLowerCase()] = operation(name, endpoint);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Talent office dashboard API',
      version: '1.0.0',
      description:
        'Generated from the zod schemas in src/api by `npm run openapi`; do not edit by hand. ' +
        'Lists answer `{ items, total, page, pageSize }`; errors are RFC 9457 problem details; ' +
        'updates send `If-Match` with the version they edited.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: { ProblemDetails: jsonSchema(problemDetailsSchema, 'output') },
    },
    paths,
  };
}

export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
