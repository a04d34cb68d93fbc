import { describe, expect, it } from 'vitest';
import { DEFAULT_ERROR_TAXONOMY } from '../../../shared/constants';
import type { ProjectDto } from '../../../shared/schemas/api';
import { fieldsToFix, initialForm, settingsPayload } from './settings-form';

const project: ProjectDto = {
  name: 'demo', guidelines: '# Rules', overlap: 2, mode: 'every-step', assignment: 'random', leaseMinutes: 45,
  taxonomy: ['a', 'b'], seed: 7, counts: { problems: 1, solutions: 2, complete: 0, mine: 0 },
};

describe('project settings form', () => {
  it('starts from the defaults for a new project', () => {
    const form = initialForm(null);
    expect(form).toMatchObject({ name: '', overlap: '1', mode: 'first-error', assignment: 'ordered', leaseMinutes: '30', seed: '' });
    expect(form.taxonomy).toEqual([...DEFAULT_ERROR_TAXONOMY]);
  });

  it('starts from the project when editing', () => {
    expect(initialForm(project)).toMatchObject({ overlap: '2', seed: '7', leaseMinutes: '45', taxonomy: ['a', 'b'] });
  });

  it('builds a create body with the name and no seed unless random', () => {
    const form = { ...initialForm(null), name: ' team-e2e ', overlap: '2', seed: '5' };
    const result = settingsPayload(form, true);
    expect(result).toEqual({
      ok: true,
      body: { name: 'team-e2e', overlap: 2, mode: 'first-error', assignment: 'ordered', leaseMinutes: 30, taxonomy: [...DEFAULT_ERROR_TAXONOMY], guidelines: '' },
    });
    expect(settingsPayload({ ...form, assignment: 'random' }, true)).toMatchObject({ ok: true, body: { seed: 5 } });
  });

  it('builds an update body without the name and leaves blank numbers out', () => {
    const result = settingsPayload({ ...initialForm(project), leaseMinutes: ' ', seed: '' }, false);
    expect(result.ok && result.body).toEqual({ overlap: 2, mode: 'every-step', assignment: 'random', taxonomy: ['a', 'b'], guidelines: '# Rules' });
  });

  it('names every field that is wrong at once', () => {
    const result = settingsPayload({ ...initialForm(null), name: 'no spaces', overlap: '0', leaseMinutes: 'soon', taxonomy: [] }, true);
    expect(result.ok === false && Object.keys(result.errors.fields).sort()).toEqual(['leaseMinutes', 'name', 'overlap', 'taxonomy']);
    expect(result.ok === false && fieldsToFix(result.errors)).toBe('Name, Overlap, Lease, Error taxonomy');
    // A bad seed matters only when the random strategy uses it.
    expect(settingsPayload({ ...initialForm(null), name: 'x', seed: 'abc' }, true).ok).toBe(true);
    const random = settingsPayload({ ...initialForm(null), name: 'x', seed: 'abc', assignment: 'random' }, true);
    expect(random.ok === false && random.errors.fields).toEqual({ seed: ['a whole number, please'] });
  });
});
