import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './routes';

describe('routes', () => {
  it('parses every page', () => {
    expect(parseRoute('/')).toEqual({ name: 'projects' });
    expect(parseRoute('/login')).toEqual({ name: 'login' });
    expect(parseRoute('/login/')).toEqual({ name: 'login' });
    expect(parseRoute('/projects/demo/annotate')).toEqual({ name: 'annotate-next', project: 'demo' });
    expect(parseRoute('/projects/demo/annotate/42')).toEqual({ name: 'annotate', project: 'demo', solutionId: 42 });
  });

  it('round-trips the paths it builds', () => {
    expect(parseRoute(paths.annotate('round-2_b', 7))).toEqual({ name: 'annotate', project: 'round-2_b', solutionId: 7 });
    expect(parseRoute(paths.annotateNext('a b'))).toEqual({ name: 'annotate-next', project: 'a b' });
  });

  it('refuses what it does not know', () => {
    for (const path of ['/projects', '/projects/demo', '/projects/demo/annotate/0', '/projects/demo/annotate/x', '/projects/%E0/annotate', '/nope']) {
      expect(parseRoute(path).name, path).toBe('not-found');
    }
  });
});
