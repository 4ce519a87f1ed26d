import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Initial JS of the built app (the entry and what index.html preloads), gzip-compressed, and a
 * check that a normal build ships no mock code. `npm run build && npm run size`.
 */
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);

const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file))).length / 1024;
const rows = initial.map((file) => ({ file, gzipKb: Math.round(gzipKb(file) * 10) / 10 }));
const initialKb = Math.round(rows.reduce((sum, r) => sum + r.gzipKb, 0) * 10) / 10;

const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const allKb = Math.round(assets.reduce((sum, f) => sum + gzipKb(join('assets', f)), 0) * 10) / 10;

// Strings only msw and faker contain; none may reach a normal build.
const mockMarkers = ['mockServiceWorker', 'MSW_', 'fakerZH_CN', '@faker-js', 'setupWorker'];
const leaks = assets.flatMap((file) => {
  const text = readFileSync(join(dist, 'assets', file), 'utf8');
  return mockMarkers.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`);
});
if (existsSync(join(dist, 'mockServiceWorker.js'))) leaks.push('mockServiceWorker.js');
const demoBuild = process.argv.includes('--demo');

console.table(rows);
console.log(
  JSON.stringify(
    { initialJsGzipKb: initialKb, allJsGzipKb: allKb, chunks: assets.length, mockCodeFound: leaks },
    null,
    2,
  ),
);
if (!demoBuild && leaks.length > 0) {
  console.error('A normal build must not contain mock code:', leaks);
  process.exit(1);
}
