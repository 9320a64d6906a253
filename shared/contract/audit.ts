import { z } from 'zod';

/** One entry of the audit trail as administrators read it (the users-and-roles issue). */
export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ userId: z.string(), username: z.string() }).nullable(),
  method: z.string(),
  subject: z.object({ kind: z.enum(['case', 'user', 'settings', 'commission', 'meeting', 'document', 'package', 'directory', 'keys']), id: z.string().optional() }).optional(),
  /** sha256 of the record before and after the change (absent before a creation). */
  before: z.string().optional(),
  after: z.string().optional(),
  summary: z.string().optional(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

/** Issue 16: what the data directory's integrity manifest found (electron/services/store/manifest.ts), each problem with its texts. */
export const integrityProblem = z.object({
  kind: z.enum(['rolledBack', 'missing', 'auditCut', 'auditMissing', 'auditReplaced', 'manifestBehind', 'manifestMissing', 'manifestDamaged', 'behindWorkstation']),
  path: z.string(),
  expected: z.number().int().optional(),
  found: z.number().int().optional(),
  text: z.object({ lt: z.string(), en: z.string() }),
});

export const integrityReport = z.object({
  /** Whether changes are refused until the administrator decides (the trail or the manifest in doubt). */
  readOnly: z.boolean(),
  problems: z.array(integrityProblem),
  /** When the records in the folders (cases, meetings, documents) were last checked; absent until the check after opening ends. */
  foldersCheckedAt: z.string().optional(),
});
export type IntegrityReport = z.infer<typeof integrityReport>;
