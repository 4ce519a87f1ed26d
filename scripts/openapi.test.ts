// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../src/api/endpoints';
import { buildOpenApiDocument, renderOpenApiDocument } from './openapi';

describe('openapi.json', () => {
  it('is current with the schemas (run `npm run openapi` after changing them)', () => {
    const committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderOpenApiDocument());
  });

  it('describes every route of the contract', () => {
    const document = buildOpenApiDocument();
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations).toHaveLength(Object.keys(endpoints).length);
    const listCases = document.paths['/api/v1/service-cases']!.get as { parameters: { name: string }[] };
    expect(listCases.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'sort', 'q', 'status']),
    );
  });
});
