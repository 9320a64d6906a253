import { z } from 'zod';

/** One entry of the audit trail as administrators read it (the users-and-roles issue). */
export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ userId: z.string(), username: z.string() }).nullable(),
  method: z.string(),
  subject: z.object({ kind: z.enum(['case', 'user', 'settings', 'commission', 'meeting', 'document', 'package']), id: z.string().optional() }).optional(),
  /** sha256 of the record before and after the change (absent before a creation). */
  before: z.string().optional(),
  after: z.string().optional(),
  summary: z.string().optional(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;
