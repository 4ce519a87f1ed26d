import { casePrioritySchema, requesterTypeSchema } from '../../api/schemas/service-cases';
import type { CaseImportField, CaseImportRow } from '../../api/schemas/case-import';
import type { DictionaryEntry } from '../../api/schemas/dictionaries';
import type { SheetRow } from '../../lib/import/read-sheet';
import type { Formatters } from '../../lib/i18n/format';
import type { Translate } from '../../lib/i18n/i18n';

/** The template's columns, in its order. */
export const importFields: readonly CaseImportField[] = [
  'requesterType',
  'requesterName',
  'enterpriseName',
  'requesterPhone',
  'categoryCode',
  'title',
  'description',
  'priority',
];
/** Columns a file must have; the enterprise may be left out for people. */
const requiredFields = importFields.filter((field) => field !== 'enterpriseName');

/** The rows in the template for which the drop-down lists are set. */
export const TEMPLATE_ROWS = 2000;

export const importHeader = (t: Translate, field: CaseImportField) => t(`import.column.${field}`);

/** A field's column header; a field the template has no column for (the month), as the server names it. */
export function importColumnName(t: Translate, field: string): string {
  const known = importFields.find((f) => f === field);
  return known ? importHeader(t, known) : field;
}

/** The names the dictionary columns offer (the template's drop-down lists), each with its code. */
export function importChoices(t: Translate, format: Formatters, categories: readonly DictionaryEntry[]) {
  return {
    requesterType: requesterTypeSchema.options.map((type) => [type, t(`import.requesterType.${type}`)] as const),
    priority: casePrioritySchema.options.map((priority) => [priority, t(`case.priority.${priority}`)] as const),
    categoryCode: categories.filter((c) => c.active).map((c) => [c.code, format.entry(c)] as const),
  };
}
type Choices = ReturnType<typeof importChoices>;

/** The words a cell of a dictionary column may hold, each for its code: the names offered, and the code itself. */
export function importVocabulary(choices: Choices, categories: readonly DictionaryEntry[]) {
  const words = <C extends string>(entries: readonly (readonly [C, string])[]) =>
    new Map(entries.flatMap(([code, name]) => [[name, code] as const, [code, code] as const]));
  return {
    requesterType: words(choices.requesterType),
    priority: words(choices.priority),
    // A category's Chinese name reads whatever the language of the template.
    categoryCode: words([
      ...choices.categoryCode,
      ...categories.filter((c) => c.active).map((c) => [c.code, c.name] as const),
    ]),
  };
}
type Vocabulary = ReturnType<typeof importVocabulary>;

export type ReadRows = { ok: true; rows: CaseImportRow[]; examples: number } | { ok: false; missing: string[] };

/**
 * A file's rows as the import takes them: columns found by their headers (in any order), names of
 * dictionary entries turned into codes (unknown ones left as written, for the server to name),
 * the template's example rows left out.
 */
export function importRowsOf(sheet: readonly SheetRow[], t: Translate, vocabulary: Vocabulary): ReadRows {
  const [header, ...data] = sheet;
  const position = new Map((header?.cells ?? []).map((cell, i) => [cell.trim(), i]));
  const columns = new Map(importFields.map((field) => [field, position.get(importHeader(t, field))]));
  const missing = requiredFields.filter((field) => columns.get(field) === undefined);
  if (missing.length > 0) return { ok: false, missing: missing.map((field) => importHeader(t, field)) };

  const example = t('import.examplePrefix');
  const rows: CaseImportRow[] = [];
  let examples = 0;
  for (const { row, cells } of data) {
    const cell = (field: CaseImportField) => {
      const index = columns.get(field);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    if (cell('requesterName').startsWith(example)) {
      examples++;
      continue;
    }
    const coded = (field: keyof Vocabulary) => vocabulary[field].get(cell(field)) ?? cell(field);
    rows.push({
      row,
      requesterType: coded('requesterType'),
      requesterName: cell('requesterName'),
      enterpriseName: cell('enterpriseName'),
      requesterPhone: cell('requesterPhone'),
      categoryCode: coded('categoryCode'),
      title: cell('title'),
      description: cell('description'),
      priority: coded('priority'),
    });
  }
  return { ok: true, rows, examples };
}

/** The template's example row: marked as one, so an import leaves it out if it stays. */
export function templateExample(t: Translate, categoryName: string): string[] {
  return [
    t('import.requesterType.enterprise'),
    `${t('import.examplePrefix')}${t('import.example.requester')}`,
    t('import.example.enterprise'),
    '13800001111',
    categoryName,
    t('import.example.title'),
    t('import.example.description'),
    t('case.priority.normal'),
  ];
}
