import { writeFileSync } from 'node:fs';
import { renderOpenApiDocument } from './openapi';

const target = new URL('../openapi.json', import.meta.url);
writeFileSync(target, renderOpenApiDocument());
console.log(`wrote ${target.pathname}`);
