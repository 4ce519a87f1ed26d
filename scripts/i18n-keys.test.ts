// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../src/lib/i18n/zh-cn';
import { zhCNAreas } from '../src/lib/i18n/zh-cn-areas';

/**
 * Catalogue keys that source code builds at run time from a value (`t(`stage.${stage}`)`), so
 * they never appear whole. Each prefix says where and from what; every key under it counts as used.
 * A new `${…}` key in the code fails the second test until its prefix is listed here.
 */
const dynamicPrefixes: Record<string, string> = {
  'role.': 'a user’s role and its hint (header, login page, 403 page)',
  'login.': 'the login form’s field labels, by field name',
  'stage.': 'intake stages (table, drawer, form, funnel), by stage code',
  'kind.': 'intake record kinds, by kind code',
  'period.': 'the period picker’s presets',
  'audit.action.': 'history entries, by audit action',
  'table.density.': 'the table’s density options',
  'case.view.': 'the triage queue’s views, by view name',
  'case.action.': 'case actions (workspace buttons, dialog titles, the keys’ help), by workflow action',
  'case.done.': 'what an action says once done (case action dialogs), by workflow action',
  'case.stage.': 'what a case awaits now (the deadline badge), by status',
  'case.review.': 'the two decisions of a return’s review (异议审核 dialog)',
  'case.decision.': 'the two decisions of an extension (延期审批 dialog)',
  'case.escalation.': 'the two levels a case is escalated to (提级 dialog, workspace, lifecycle, history)',
  'score.rate.': 'the four scored rates (department scores table, settings, CSV), by rate',
  'score.tierName.': 'the score tiers (table, settings, CSV), by tier',
  'score.define.': 'each figure’s written definition (department scores), by rate',
  'admin.weekday.': 'the week’s day names over each month (holiday calendar), Monday first',
  'admin.dayKind.': 'what a day is (holiday calendar, each day’s name), by kind',
  'case.status.': 'case statuses (list, workspace, history), by status code',
  'case.priority.': 'case priorities (list, workspace, history), by priority code',
  'case.satisfaction.': 'follow-up satisfaction (dialog, workspace, history), by code',
  'export.as.': 'the export dialog’s two formats, by format',
  'export.about.scope.': 'the rows an export took (filtered, picked, all), on its second sheet',
  'chart.downloadAs.': 'a chart card’s download menu, by kind (png, svg; csv is named whole too)',
  'report.title.': 'the report’s title, by the period’s kind (month, quarter)',
  'import.column.': 'a demand list’s column headers, by field (template and reading alike)',
  'import.requesterType.': 'the requester types as a list file names them, by type',
  'import.file.': 'why a list file cannot be read, by problem',
  'case.commonality.': 'shared or individual demand (共性/个性 dialog, workspace badge, history), by code',
  'service.kind.': 'the service list’s kinds of service, by kind code',
  'patch.status.': 'patch statuses (table, board, tree, detail, history, charts), by status code',
  'patch.move.': 'the patch workflow’s moves (board menu, detail, dialogs), by move name',
  'patch.age.': 'the patches’ age buckets (filter, aging chart), by bucket',
};

const root = join(import.meta.dirname, '..');
const catalogueFiles = ['src/lib/i18n/zh-cn.ts', 'src/lib/i18n/zh-cn-areas.ts', 'src/lib/i18n/en.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    const isSource = /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    return isSource && !catalogueFiles.includes(path) ? [path] : [];
  });
}

const sources = sourceFiles('src').map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
const keys = [...Object.keys(zhCN), ...Object.keys(zhCNAreas)];

describe('i18n catalogue keys', () => {
  it('are each used by some source file, whole or under a listed dynamic prefix', () => {
    const quoted = (key: string) => [`'${key}'`, `"${key}"`, `\`${key}\``];
    const unused = keys.filter(
      (key) =>
        !Object.keys(dynamicPrefixes).some((prefix) => key.startsWith(prefix)) &&
        !sources.some(({ text }) => quoted(key).some((literal) => text.includes(literal))),
    );
    expect(unused, 'keys in the zh-CN catalogues that no file under src/ uses').toEqual([]);
  });

  it('are built at run time only under a listed prefix, and every listed prefix is still built', () => {
    const built = new Map<string, string>();
    for (const { path, text } of sources) {
      for (const match of text.matchAll(/`([a-z][\w.]*\.)\$\{/gi)) {
        // Only prefixes of catalogue keys: a storage key like `tod.table.${id}` is not one.
        if (keys.some((key) => key.startsWith(match[1]!))) built.set(match[1]!, relative(root, join(root, path)));
      }
    }
    const unlisted = [...built].filter(([prefix]) => !(prefix in dynamicPrefixes)).map((e) => e.join(' in '));
    expect(unlisted, 'add these prefixes to dynamicPrefixes, saying where they are built').toEqual([]);
    const stale = Object.keys(dynamicPrefixes).filter((prefix) => !built.has(prefix));
    expect(stale, 'no source builds keys under these prefixes any more').toEqual([]);
  });

  it('in the code of the first page (the shell) come from the shell catalogue, which ships with it', () => {
    // The areas' strings load with the first area page; the shell must never wait for them.
    const shell = /^src\/(app|lib|features\/auth|components\/(ui|feedback|form))\//;
    const areaKeys = Object.keys(zhCNAreas);
    const misplaced = sources
      .filter(({ path }) => shell.test(path))
      .flatMap(({ path, text }) =>
        areaKeys
          .filter((key) => text.includes(`'${key}'`) || text.includes(`"${key}"`))
          .map((key) => `${key} in ${path}`),
      );
    expect(misplaced, 'move these keys to zh-cn.ts').toEqual([]);
    const builtInShell = sources
      .filter(({ path }) => shell.test(path))
      .flatMap(({ path, text }) => [...text.matchAll(/`([a-z][\w.]*\.)\$\{/gi)].map((m) => ({ path, prefix: m[1]! })))
      .filter(({ prefix }) => areaKeys.some((key) => key.startsWith(prefix)));
    expect(builtInShell, 'keys built in the shell under an area prefix').toEqual([]);
  });
});
