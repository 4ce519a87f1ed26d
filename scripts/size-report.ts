import { bundleReport } from './bundle-size';

/** `npm run build && npm run size`: initial JS (gzip) per chunk; fails if mock code reached a normal build. */
const report = bundleReport(new URL('../dist/', import.meta.url).pathname);
console.table(report.chunks);
const { chunks: _chunks, ...summary } = report;
console.log(JSON.stringify(summary, null, 2));
if (!process.argv.includes('--demo') && report.mockCodeFound.length > 0) {
  console.error('A normal build must not contain mock code:', report.mockCodeFound);
  process.exit(1);
}
