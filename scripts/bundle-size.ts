import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipKb = (bytes: Buffer | string) => Math.round((gzipSync(bytes).length / 1024) * 10) / 10;

/** Strings only msw and faker contain; none may reach a normal build. */
export const mockMarkers = ['mockServiceWorker', 'MSW_', 'fakerZH_CN', '@faker-js', 'setupWorker', '[MSW]'];

/** The JS a first visit loads before any lazy route: the entry and what index.html preloads. */
export function bundleReport(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const chunks = initial.map((file) => ({ file, gzipKb: gzipKb(readFileSync(join(dist, file))) }));
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const leaks = assets.flatMap((file) => {
    const text = readFileSync(join(dist, 'assets', file), 'utf8');
    return mockMarkers.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`);
  });
  if (existsSync(join(dist, 'mockServiceWorker.js'))) leaks.push('mockServiceWorker.js');
  const sum = (list: { gzipKb: number }[]) => Math.round(list.reduce((s, c) => s + c.gzipKb, 0) * 10) / 10;
  return {
    chunks,
    initialJsGzipKb: sum(chunks),
    allJsGzipKb: sum(assets.map((f) => ({ gzipKb: gzipKb(readFileSync(join(dist, 'assets', f))) }))),
    jsFiles: assets.length,
    mockCodeFound: leaks,
  };
}
