/**
 * The client's URLs, one place. Pure: parsing and building paths, no DOM.
 * Solution ids are the server's numeric ids; project names are slugs but are encoded anyway.
 */

export type Route =
  | { name: 'login' }
  | { name: 'projects' }
  | { name: 'annotate-next'; project: string }
  | { name: 'annotate'; project: string; solutionId: number }
  | { name: 'admin-users' }
  | { name: 'project-new' }
  | { name: 'project-settings'; project: string }
  | { name: 'project-members'; project: string }
  | { name: 'project-progress'; project: string }
  | { name: 'project-export'; project: string }
  | { name: 'solution-history'; project: string; solutionId: number }
  | { name: 'project-agreement'; project: string }
  | { name: 'project-review'; project: string }
  | { name: 'adjudicate'; project: string; solutionId: number }
  | { name: 'project-import'; project: string }
  | { name: 'project-orm'; project: string }
  | { name: 'not-found'; path: string };

const p = (project: string) => `/projects/${encodeURIComponent(project)}`;

export const paths = {
  login: () => '/login',
  projects: () => '/',
  annotateNext: (project: string) => `${p(project)}/annotate`,
  annotate: (project: string, solutionId: number) => `${p(project)}/annotate/${solutionId}`,
  adminUsers: () => '/admin/users',
  projectNew: () => '/projects/new',
  projectSettings: (project: string) => `${p(project)}/settings`,
  projectMembers: (project: string) => `${p(project)}/members`,
  projectProgress: (project: string) => `${p(project)}/progress`,
  projectExport: (project: string) => `${p(project)}/export`,
  solutionHistory: (project: string, solutionId: number) => `${p(project)}/solutions/${solutionId}/history`,
  projectAgreement: (project: string) => `${p(project)}/agreement`,
  projectReview: (project: string) => `${p(project)}/review`,
  adjudicate: (project: string, solutionId: number) => `${p(project)}/review/${solutionId}`,
  projectImport: (project: string) => `${p(project)}/import`,
  projectOrm: (project: string) => `${p(project)}/orm`,
};

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const SOLUTION_ID = /^[1-9]\d{0,15}$/;

/** The pages under /projects/:project/<page>. */
const PROJECT_PAGES = {
  annotate: 'annotate-next',
  settings: 'project-settings',
  members: 'project-members',
  progress: 'project-progress',
  export: 'project-export',
  agreement: 'project-agreement',
  review: 'project-review',
  import: 'project-import',
  orm: 'project-orm',
} as const;

function parseProjectRoute(project: string, rest: string[]): Route | null {
  const [page, id, tail] = rest;
  if (rest.length === 1 && page !== undefined && Object.hasOwn(PROJECT_PAGES, page)) {
    return { name: PROJECT_PAGES[page as keyof typeof PROJECT_PAGES], project };
  }
  if (page === 'annotate' && rest.length === 2 && SOLUTION_ID.test(id ?? '')) {
    return { name: 'annotate', project, solutionId: Number(id) };
  }
  if (page === 'review' && rest.length === 2 && SOLUTION_ID.test(id ?? '')) {
    return { name: 'adjudicate', project, solutionId: Number(id) };
  }
  if (page === 'solutions' && tail === 'history' && rest.length === 3 && SOLUTION_ID.test(id ?? '')) {
    return { name: 'solution-history', project, solutionId: Number(id) };
  }
  return null;
}

export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'projects' };
  if (path === '/login') return { name: 'login' };
  if (path === '/admin/users') return { name: 'admin-users' };
  if (path === '/projects/new') return { name: 'project-new' };
  const parts = path.split('/').slice(1);
  if (parts[0] === 'projects' && parts[1]) {
    const project = decode(parts[1]);
    const route = project === null ? null : parseProjectRoute(project, parts.slice(2));
    if (route) return route;
  }
  return { name: 'not-found', path: pathname };
}
