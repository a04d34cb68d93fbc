import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './routes';

describe('routes', () => {
  it('parses every page', () => {
    expect(parseRoute('/')).toEqual({ name: 'projects' });
    expect(parseRoute('/login')).toEqual({ name: 'login' });
    expect(parseRoute('/login/')).toEqual({ name: 'login' });
    expect(parseRoute('/projects/demo/annotate')).toEqual({ name: 'annotate-next', project: 'demo' });
    expect(parseRoute('/projects/demo/annotate/42')).toEqual({ name: 'annotate', project: 'demo', solutionId: 42 });
    expect(parseRoute('/admin/users')).toEqual({ name: 'admin-users' });
    expect(parseRoute('/projects/new')).toEqual({ name: 'project-new' });
    expect(parseRoute('/projects/new/')).toEqual({ name: 'project-new' });
    expect(parseRoute('/projects/demo/settings')).toEqual({ name: 'project-settings', project: 'demo' });
    expect(parseRoute('/projects/demo/members')).toEqual({ name: 'project-members', project: 'demo' });
    expect(parseRoute('/projects/demo/progress')).toEqual({ name: 'project-progress', project: 'demo' });
    expect(parseRoute('/projects/demo/export')).toEqual({ name: 'project-export', project: 'demo' });
    expect(parseRoute('/projects/demo/solutions/9/history')).toEqual({ name: 'solution-history', project: 'demo', solutionId: 9 });
    expect(parseRoute('/projects/demo/agreement')).toEqual({ name: 'project-agreement', project: 'demo' });
    expect(parseRoute('/projects/demo/review')).toEqual({ name: 'project-review', project: 'demo' });
    expect(parseRoute('/projects/demo/review/5')).toEqual({ name: 'adjudicate', project: 'demo', solutionId: 5 });
    expect(parseRoute('/projects/demo/import')).toEqual({ name: 'project-import', project: 'demo' });
    expect(parseRoute('/projects/demo/orm')).toEqual({ name: 'project-orm', project: 'demo' });
  });

  it('round-trips the paths it builds', () => {
    expect(parseRoute(paths.annotate('round-2_b', 7))).toEqual({ name: 'annotate', project: 'round-2_b', solutionId: 7 });
    expect(parseRoute(paths.annotateNext('a b'))).toEqual({ name: 'annotate-next', project: 'a b' });
    expect(parseRoute(paths.adminUsers())).toEqual({ name: 'admin-users' });
    expect(parseRoute(paths.projectNew())).toEqual({ name: 'project-new' });
    // A project that happens to be called "new" still has its own pages.
    expect(parseRoute(paths.projectSettings('new'))).toEqual({ name: 'project-settings', project: 'new' });
    expect(parseRoute(paths.projectMembers('team_1'))).toEqual({ name: 'project-members', project: 'team_1' });
    expect(parseRoute(paths.projectProgress('a/b'))).toEqual({ name: 'project-progress', project: 'a/b' });
    expect(parseRoute(paths.solutionHistory('demo', 12))).toEqual({ name: 'solution-history', project: 'demo', solutionId: 12 });
    expect(parseRoute(paths.adjudicate('r-2', 3))).toEqual({ name: 'adjudicate', project: 'r-2', solutionId: 3 });
    for (const [build, name] of [[paths.projectAgreement, 'project-agreement'], [paths.projectReview, 'project-review'],
      [paths.projectImport, 'project-import'], [paths.projectOrm, 'project-orm']] as const) {
      expect(parseRoute(build('a b'))).toEqual({ name, project: 'a b' });
    }
  });

  it('refuses what it does not know', () => {
    for (const path of [
      '/projects', '/projects/demo', '/projects/demo/annotate/0', '/projects/demo/annotate/x', '/projects/%E0/annotate', '/nope',
      '/admin', '/admin/users/x', '/projects/demo/settings/x', '/projects/demo/solutions/9', '/projects/demo/solutions/0/history',
      '/projects/demo/solutions/x/history', '/projects/demo/review/0', '/projects/demo/review/5/x', '/projects/demo/constructor', '/projects/demo/toString',
    ]) {
      expect(parseRoute(path).name, path).toBe('not-found');
    }
  });
});
