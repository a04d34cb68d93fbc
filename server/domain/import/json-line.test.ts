import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestedTooDeep, parseJsonLine } from './json-line';

const nest = (levels: number, inner = '1') => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;

describe('parseJsonLine: nesting depth', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels (the line itself is level 1) and refuses one more`, () => {
    expect(parseJsonLine(nest(MAX_JSON_DEPTH))).toMatchObject({ ok: true });
    expect(parseJsonLine(nest(MAX_JSON_DEPTH + 1))).toEqual({ ok: false, reason: 'nested more than 64 levels deep' });
  });

  it('refuses 100,000 levels without overflowing the stack, naming the keys on the way down', () => {
    const line = `{"problem":{"id":"p","metadata":{"tree":${nest(100_000)}}},"solution":{"id":"s"}}`;
    expect(parseJsonLine(line)).toEqual({ ok: false, reason: 'problem.metadata.tree: nested more than 64 levels deep' });
    // \u escapes send a line through the NUL / surrogate walk, which recurses: depth is checked first.
    expect(parseJsonLine(`{"a":"\\u00e9","b":${nest(100_000)}}`)).toEqual({ ok: false, reason: 'b: nested more than 64 levels deep' });
  });

  it('names at most the first four keys', () => {
    let value: unknown = 1;
    for (let i = 0; i < 70; i += 1) value = { [`k${69 - i}`]: value };
    expect(nestedTooDeep(value)).toBe('k0.k1.k2.k3: nested more than 64 levels deep');
    expect(nestedTooDeep({ a: [{ b: nest(70) }] })).toBeNull(); // a string, not nesting
    expect(nestedTooDeep([JSON.parse(nest(3)), { a: { b: JSON.parse(nest(70)) } }])).toBe('nested more than 64 levels deep');
  });
});
