import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaResolver } from '../components/form/schema-resolver';
import { isoDateSchema } from '../api/schemas/common';
import { translate, type Translate } from './i18n/i18n';

const t: Translate = (key, values) => translate('zh-CN', key, values);

/** The message the form shows for each field, as the resolver words it. */
async function messages(schema: z.ZodType<unknown, Record<string, unknown>>, values: Record<string, unknown>) {
  const result = await schemaResolver(schema, t)(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return Object.fromEntries(
    Object.entries(result.errors).map(([field, e]) => [field, (e as { message: string }).message]),
  );
}

describe('form messages', () => {
  it('call a field left empty missing, whatever its format, and a fraction where a whole number goes what it is', async () => {
    const schema = z.object({ deadline: isoDateSchema, weight: z.number().int().min(0).max(100) });
    expect(await messages(schema, { deadline: '', weight: 15.5 })).toEqual({
      deadline: '此项必填',
      weight: '请输入整数',
    });
    expect(await messages(schema, { deadline: '2026-13-45', weight: Number.NaN })).toEqual({
      deadline: '格式不正确',
      weight: '此项必填',
    });
  });
});
