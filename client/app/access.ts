import { ROLE_RANK, type Role } from '../../shared/constants';
import { paths, type Route } from './routes';

/**
 * Who may open which page, and what the shell's navigation offers each role. The server checks
 * every call anyway; this only spares people pages that would answer 403. Pure.
 */

/** "X and up" (ROLE_RANK): a lead may do what a researcher may, an admin everything. */
export function hasRole(role: Role, least: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[least];
}

/** The least role a page needs, or null when every signed-in person may open it. */
export function requiredRole(route: Route): Role | null {
  switch (route.name) {
    case 'admin-users':
      return 'admin';
    case 'project-export':
    case 'project-import':
    case 'project-orm':
      return 'researcher';
    case 'project-new':
    case 'project-settings':
    case 'project-members':
    case 'project-progress':
    case 'solution-history':
    case 'project-agreement':
    case 'project-review':
    case 'adjudicate':
      return 'lead';
    default:
      return null;
  }
}

export function canOpen(role: Role, route: Route): boolean {
  const least = requiredRole(route);
  return least === null || hasRole(role, least);
}

export interface NavItem {
  label: string;
  href: string;
}

/** The shell's main navigation. Per-project pages (settings, members, progress) hang off each project. */
export function mainNav(role: Role): NavItem[] {
  const items: NavItem[] = [{ label: 'Projects', href: paths.projects() }];
  if (hasRole(role, 'admin')) items.push({ label: 'Users', href: paths.adminUsers() });
  return items;
}

/** The lead's pages of one project, in the order the tabs show them. */
export function projectNav(project: string): NavItem[] {
  return [
    { label: 'Settings', href: paths.projectSettings(project) },
    { label: 'Members', href: paths.projectMembers(project) },
    { label: 'Progress', href: paths.projectProgress(project) },
    { label: 'Agreement', href: paths.projectAgreement(project) },
    { label: 'Review', href: paths.projectReview(project) },
  ];
}

/** A researcher's pages of one project: data in, the ORM, data out. */
export function researcherNav(project: string): NavItem[] {
  return [
    { label: 'Import', href: paths.projectImport(project) },
    { label: 'ORM', href: paths.projectOrm(project) },
    { label: 'Export', href: paths.projectExport(project) },
  ];
}
