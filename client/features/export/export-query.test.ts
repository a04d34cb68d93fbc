import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, downloadUrl, filterParams, moveSource, previewUrl, type ExportForm } from './export-query';

const form = (over: Partial<ExportForm>): ExportForm => ({ ...DEFAULT_FORM, ...over });

describe('export query strings', () => {
  it('the default form asks for gold,consensus and the default split', () => {
    expect(previewUrl('demo', DEFAULT_FORM)).toBe(
      '/api/projects/demo/export/preview?policy=gold%2Cconsensus&valFraction=0.05&seed=0&neutral=false&maxPairsPerProblem=4',
    );
  });

  it('keeps the policy order, drops sources turned off, and leaves blank fields out', () => {
    const params = filterParams(
      form({
        policy: [
          { source: 'orm', on: true },
          { source: 'gold', on: false },
          { source: 'consensus', on: true },
        ],
        ormMinScore: ' 0.8 ',
        rounds: '1, 2',
        models: '',
        subjects: 'geometry',
        problemSources: 'mathverse',
        minAgreement: '0.5',
        seed: '',
      }),
    );
    expect(Object.fromEntries(params)).toEqual({
      policy: 'orm,consensus',
      ormMinScore: '0.8',
      round: '1, 2',
      subject: 'geometry',
      source: 'mathverse',
      minAgreement: '0.5',
      valFraction: '0.05',
      neutral: 'false',
      maxPairsPerProblem: '4',
    });
  });

  it('sends no ORM score bar when orm is off (the server would refuse it)', () => {
    expect(filterParams(form({ ormMinScore: '0.9' })).has('ormMinScore')).toBe(false);
  });

  it('download URLs carry kind and format, and only their own kind options', () => {
    const f = form({ neutral: 'drop', maxPairsPerProblem: '2' });
    const query = (url: string) => new URL(url, 'http://x').searchParams;
    const prm = query(downloadUrl('my project', f, 'prm', 'trl'));
    expect(downloadUrl('my project', f, 'prm', 'trl')).toMatch(/^\/api\/projects\/my%20project\/export\?kind=prm&format=trl&/);
    expect(prm.get('neutral')).toBe('drop');
    expect(prm.has('maxPairsPerProblem')).toBe(false);
    const preference = query(downloadUrl('p', f, 'preference', 'sharegpt'));
    expect(preference.get('maxPairsPerProblem')).toBe('2');
    expect(preference.has('neutral')).toBe(false);
    const sft = query(downloadUrl('p', f, 'sft', 'openai'));
    expect([...sft.keys()]).toEqual(['kind', 'format', 'policy', 'valFraction', 'seed']);
  });

  it('moves policy sources up and down within bounds', () => {
    expect(moveSource(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveSource(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveSource(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveSource(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
