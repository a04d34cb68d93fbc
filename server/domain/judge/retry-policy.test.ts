import { describe, expect, it } from 'vitest';
import { decideRetry, retryAfterMs, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
const half = () => 0.5;

describe('decideRetry', () => {
  it.each([
    ['429', { kind: 'status' as const, status: 429 }, 1, { retry: true, delayMs: 50 }],
    ['500, second attempt', { kind: 'status' as const, status: 500 }, 2, { retry: true, delayMs: 100 }],
    ['503, third attempt', { kind: 'status' as const, status: 503 }, 3, { retry: true, delayMs: 200 }],
    ['network error', { kind: 'network' as const, message: 'ECONNRESET' }, 1, { retry: true, delayMs: 50 }],
    ['502, third attempt', { kind: 'status' as const, status: 502 }, 3, { retry: true, delayMs: 200 }],
    ['Retry-After seconds wins', { kind: 'status' as const, status: 429, retryAfter: '2' }, 1, { retry: true, delayMs: 1_000 }],
    ['Retry-After small', { kind: 'status' as const, status: 429, retryAfter: '0.2' }, 1, { retry: true, delayMs: 200 }],
    ['400 never', { kind: 'status' as const, status: 400 }, 1, { retry: false, reason: 'HTTP 400 is not retried' }],
    ['401 never', { kind: 'status' as const, status: 401 }, 1, { retry: false, reason: 'HTTP 401 is not retried' }],
    ['404 never', { kind: 'status' as const, status: 404 }, 1, { retry: false, reason: 'HTTP 404 is not retried' }],
    ['out of retries', { kind: 'status' as const, status: 500 }, 4, { retry: false, reason: 'gave up after 4 attempts' }],
  ])('%s', (_name, outcome, attempt, expected) => {
    expect(decideRetry(outcome, attempt, policy, half)).toEqual(expected);
  });

  it('caps the backoff at maxDelayMs', () => {
    const capped: RetryPolicy = { maxRetries: 10, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(decideRetry({ kind: 'status', status: 500 }, 9, capped, () => 0.5)).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry({ kind: 'status', status: 429, retryAfter: '3600' }, 1, capped, () => 0.5)).toEqual({ retry: true, delayMs: 1_000 });
  });

  it('jitters within [0, ceiling)', () => {
    const big: RetryPolicy = { maxRetries: 10, baseDelayMs: 100, maxDelayMs: 100_000 };
    for (const r of [0, 0.25, 0.999]) {
      const d = decideRetry({ kind: 'status', status: 500 }, 5, big, () => r);
      expect(d).toEqual({ retry: true, delayMs: Math.floor(r * 1600) });
    }
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it.each([
    ['3', 3000], ['0', 0], [' 1.5 ', 1500], ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000], ['Wed, 31 Dec 2025 23:59:00 GMT', 0], ['soon', null], ['', null], [null, null],
  ])('%j → %j', (header, expected) => expect(retryAfterMs(header, now)).toBe(expected));
});
