import { defineSchema } from './define';
import { sqliteKit } from './kit';

// Named exports: drizzle-kit discovers tables by scanning this module's exports.
export const {
  users, sessions, apiTokens, projects, projectMembers, images, problems, problemImages, solutions,
  ormJudgments, annotations, annotationRevisions, adjudications, adjudicationRevisions, leases,
  queueSkips, auditLog, jobs, loginAttempts,
} = defineSchema(sqliteKit);
