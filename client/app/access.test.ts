import { describe, expect, it } from 'vitest';
import { canOpen, hasRole, mainNav, projectNav, requiredRole, researcherNav } from './access';
import { parseRoute } from './routes';

describe('access', () => {
  it('ranks roles', () => {
    expect(hasRole('admin', 'lead')).toBe(true);
    expect(hasRole('lead', 'lead')).toBe(true);
    expect(hasRole('researcher', 'lead')).toBe(false);
    expect(hasRole('annotator', 'researcher')).toBe(false);
  });

  it('guards the team pages by role', () => {
    expect(requiredRole(parseRoute('/admin/users'))).toBe('admin');
    expect(requiredRole(parseRoute('/projects/demo/progress'))).toBe('lead');
    expect(requiredRole(parseRoute('/projects/demo/export'))).toBe('researcher');
    expect(requiredRole(parseRoute('/projects/demo/annotate'))).toBeNull();
    expect(canOpen('lead', parseRoute('/admin/users'))).toBe(false);
    expect(canOpen('admin', parseRoute('/admin/users'))).toBe(true);
    expect(canOpen('researcher', parseRoute('/projects/new'))).toBe(false);
    expect(canOpen('lead', parseRoute('/projects/demo/solutions/3/history'))).toBe(true);
    expect(canOpen('annotator', parseRoute('/'))).toBe(true);
    expect(canOpen('researcher', parseRoute('/projects/demo/import'))).toBe(true);
    expect(canOpen('annotator', parseRoute('/projects/demo/orm'))).toBe(false);
    expect(canOpen('researcher', parseRoute('/projects/demo/agreement'))).toBe(false);
    expect(canOpen('lead', parseRoute('/projects/demo/review/4'))).toBe(true);
  });

  it('offers Users to admins only', () => {
    expect(mainNav('annotator').map((i) => i.label)).toEqual(['Projects']);
    expect(mainNav('researcher').map((i) => i.label)).toEqual(['Projects']);
    expect(mainNav('lead').map((i) => i.label)).toEqual(['Projects']);
    expect(mainNav('admin')).toEqual([{ label: 'Projects', href: '/' }, { label: 'Users', href: '/admin/users' }]);
    expect(projectNav('demo').map((i) => i.href)).toEqual([
      '/projects/demo/settings', '/projects/demo/members', '/projects/demo/progress', '/projects/demo/agreement', '/projects/demo/review',
    ]);
    expect(researcherNav('demo').map((i) => i.label)).toEqual(['Import', 'ORM', 'Export']);
  });
});
