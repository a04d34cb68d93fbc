import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { z } from 'zod';
import { errorsFromFailure, errorsFromIssues, friendlyMessage, hasErrors, noErrors, pathOfWhere } from './field-errors';

const known = ['name', 'overlap', 'taxonomy'];

describe('field errors', () => {
  it('reads the server locations', () => {
    expect(pathOfWhere('body.taxonomy.2')).toEqual(['taxonomy', 2]);
    expect(pathOfWhere('body.name')).toEqual(['name']);
    expect(pathOfWhere('body')).toEqual([]);
  });

  it('groups issues by field and names list items from 1', () => {
    const errors = errorsFromIssues(
      [
        { path: ['taxonomy', 2], message: 'lowercase letters' },
        { path: ['taxonomy'], message: 'error types must be unique' },
        { path: ['overlap'], message: 'too small' },
        { path: ['colour'], message: 'unknown' },
        { path: [], message: 'bad body' },
      ],
      known,
    );
    expect(errors).toEqual({
      fields: { taxonomy: ['item 3: lowercase letters', 'error types must be unique'], overlap: ['too small'] },
      form: ['colour: unknown', 'bad body'],
    });
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors(noErrors)).toBe(false);
  });

  it('words zod bounds for people, keeping the schemas own messages', () => {
    const schema = z.object({ n: z.number().int().min(1).max(50), list: z.array(z.string()).min(1), s: z.string().min(8, 'at least 8 characters') });
    const issues = schema.safeParse({ n: 0, list: [], s: 'x' }).error!.issues;
    expect(issues.map(friendlyMessage)).toEqual(['at least 1', 'at least 1 item', 'at least 8 characters']);
    expect(errorsFromIssues(schema.safeParse({ n: 51, list: ['a'], s: '12345678' }).error!.issues, ['n']).fields).toEqual({ n: ['at most 50'] });
  });

  it('maps a server VALIDATION_FAILED, a known code, and anything else', () => {
    const validation = new ApiError(400, 'VALIDATION_FAILED', 'body.overlap: too big', { issues: [{ where: 'body.overlap', message: 'too big' }] });
    expect(errorsFromFailure(validation, known)).toEqual({ fields: { overlap: ['too big'] }, form: [] });
    const exists = new ApiError(409, 'PROJECT_EXISTS', 'project "x" already exists');
    expect(errorsFromFailure(exists, known, { PROJECT_EXISTS: 'name' })).toEqual({ fields: { name: ['project "x" already exists'] }, form: [] });
    const plain = new ApiError(400, 'VALIDATION_FAILED', 'overlap must be ≥ 1');
    expect(errorsFromFailure(plain, known)).toEqual({ fields: {}, form: ['overlap must be ≥ 1'] });
    expect(errorsFromFailure(new Error('offline'), known)).toEqual({ fields: {}, form: ['offline'] });
  });
});
