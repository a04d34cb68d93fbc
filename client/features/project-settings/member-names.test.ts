import { describe, expect, it } from 'vitest';
import { addableUsers, parseUserNames } from './member-names';

describe('member names', () => {
  it('splits typed names on commas and spaces, once each', () => {
    expect(parseUserNames(' alice, bob,,carol  dave, alice ')).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect(parseUserNames('  ')).toEqual([]);
  });

  it('offers users who are not members and not disabled', () => {
    const users = [
      { name: 'zoe', disabled: false },
      { name: 'amy', disabled: false },
      { name: 'bob', disabled: true },
      { name: 'cat', disabled: false },
    ];
    expect(addableUsers(users, [{ name: 'cat' }]).map((u) => u.name)).toEqual(['amy', 'zoe']);
  });
});
