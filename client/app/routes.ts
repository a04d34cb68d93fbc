/**
 * The client's URLs, one place. Pure: parsing and building paths, no DOM.
 * Solution ids are the server's numeric ids; project names are slugs but are encoded anyway.
 */

export type Route =
  | { name: 'login' }
  | { name: 'projects' }
  | { name: 'annotate-next'; project: string }
  | { name: 'annotate'; project: string; solutionId: number }
  | { name: 'not-found'; path: string };

export const paths = {
  login: () => '/login',
  projects: () => '/',
  annotateNext: (project: string) => `/projects/${encodeURIComponent(project)}/annotate`,
  annotate: (project: string, solutionId: number) =>
    `/projects/${encodeURIComponent(project)}/annotate/${solutionId}`,
};

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'projects' };
  if (path === '/login') return { name: 'login' };
  const parts = path.split('/').slice(1);
  if (parts[0] === 'projects' && parts[2] === 'annotate' && parts[1]) {
    const project = decode(parts[1]);
    if (project !== null && parts.length === 3) return { name: 'annotate-next', project };
    if (project !== null && parts.length === 4 && /^[1-9]\d{0,15}$/.test(parts[3] ?? '')) {
      return { name: 'annotate', project, solutionId: Number(parts[3]) };
    }
  }
  return { name: 'not-found', path: pathname };
}
