import { describe, expect, it } from 'vitest';
import { describeUpdate, tokenName } from './user-text';

describe('user text', () => {
  it('says what changed', () => {
    expect(describeUpdate('amy', { role: 'admin' })).toBe('amy is now an admin.');
    expect(describeUpdate('amy', { role: 'lead' })).toBe('amy is now a lead.');
    expect(describeUpdate('amy', { disabled: true })).toBe('amy is disabled: their sessions ended and their tokens stopped working.');
    expect(describeUpdate('amy', { disabled: false, password: 'x'.repeat(8) })).toBe("amy is enabled again; amy's password was reset.");
    expect(describeUpdate('amy', {})).toBe('amy is unchanged.');
  });

  it('names a token by label, else id', () => {
    expect(tokenName({ id: 3, label: 'ci' })).toBe('ci');
    expect(tokenName({ id: 3, label: ' ' })).toBe('3');
  });
});
