import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { describeError } from './describe-error';
import { translate, type Translate } from './i18n/i18n';

const zh: Translate = (key, values) => translate('zh-CN', key, values);
const en: Translate = (key, values) => translate('en', key, values);
const http = (status: number, retryAfterSeconds: number | null = null) =>
  new ApiError({ kind: 'http', endpoint: 'login', status, retryAfterSeconds, message: `HTTP ${status}` });

describe('describeError for a server that limits or is busy', () => {
  it('says how many minutes to wait after too many attempts, rounded up', () => {
    expect(describeError(http(429, 540), zh)).toBe('尝试次数过多，请 9 分钟后再试。');
    expect(describeError(http(429, 61), en)).toBe('Too many attempts. Try again in 2 min.');
    expect(describeError(http(429), zh)).toBe('尝试次数过多，请 1 分钟后再试。');
  });

  it('names a body too large and a busy server instead of a bare status', () => {
    expect(describeError(http(413), zh)).toBe('提交的内容过大，请删减后再试。');
    expect(describeError(http(503), zh)).toBe('服务器暂时繁忙，请稍后重试。');
  });
});
