import { z } from 'zod';
import type { DossierItemId } from '../domain/dossierItems';
import type { DossierItemRecord, FactsByItem } from '../domain/dossier';
import { DOSSIER_ITEM_IDS } from '../domain/dossier';
import { isoDate, longText, optionalLongText, optionalText, storedForm, strictInput, text } from './fieldSchemas';

export const dossierItemId = z.enum(DOSSIER_ITEM_IDS as [DossierItemId, ...DossierItemId[]]);
export const documentKind = z.enum(['pdf', 'jpeg', 'png']);
export const riskLevel = z.enum(['low', 'medium', 'high', 'undetermined']);

/**
 * V-77 p. 6.1–6.11: the structured facts of each item (DESIGN §1). The summary, the creditors and the
 * 6.11 description are written in a textarea (renderer/dossier/factsFields.ts): several lines.
 */
export const FACTS_SCHEMAS = {
  '6.1': z.object({ instrument: text(100), assessedOn: isoDate, level: riskLevel, previousLevel: riskLevel.optional() }),
  '6.2': z.object({ concludedOn: isoDate, summary: longText(4000) }),
  '6.3': z.object({ requestDate: isoDate, halfwayHouse: text(200), consent: z.boolean() }),
  '6.4': z.object({ kind: z.enum(['halfway_house_work', 'other_work', 'study', 'none']), organisation: optionalText(200) }),
  '6.5': z.object({
    totalEur: z.number({ error: 'amount' }).min(0, { error: 'amount' }).max(100_000_000, { error: 'amount' }).multipleOf(0.01, { error: 'amount' }),
    creditors: optionalLongText(2000),
  }),
  '6.6': z.object({
    convictions: z.array(z.object({ date: isoDate, court: text(200), description: text(1000) })).max(100),
    sentenceStart: isoDate,
    sentenceEnd: isoDate,
    possibleTransferDate: isoDate,
    possibleParoleDate: isoDate,
  }),
  '6.7': z.object({ personalFileAccessible: z.boolean() }),
  '6.8': z.object({
    entries: z
      .array(z.object({ kind: z.enum(['violation', 'reward']), date: isoDate, description: text(1000), penaltyUntil: isoDate.optional() }))
      .max(500),
  }),
  '6.9': z.object({ restrictions: z.array(text(1000)).max(100) }),
  '6.10': z.object({ documentType: z.enum(['passport', 'id_card', 'residence_permit', 'other']), number: text(40), validUntil: isoDate }),
  '6.11': z.object({ description: longText(4000) }),
} as const satisfies { [I in DossierItemId]: z.ZodType<FactsByItem[I]> };

/** The facts as dossier.saveItem takes them (issue 16): a key an item's facts do not have is refused, not dropped. */
export const FACTS_INPUTS = Object.fromEntries(Object.entries(FACTS_SCHEMAS).map(([item, schema]) => [item, strictInput(schema)])) as unknown as typeof FACTS_SCHEMAS;

export const itemFactsInput = z.discriminatedUnion(
  'item',
  DOSSIER_ITEM_IDS.map((id) => z.object({ item: z.literal(id), facts: FACTS_SCHEMAS[id] })) as unknown as [
    z.ZodObject<{ item: z.ZodLiteral<DossierItemId>; facts: z.ZodType<FactsByItem[DossierItemId]> }>,
  ],
);

export const documentVersion = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  kind: documentKind,
  size: z.number().int().min(1),
  addedAt: z.string(),
  addedBy: z.string(),
  note: z.string().optional(),
});

export const dossierDocument = z.object({ id: z.string(), versions: z.array(documentVersion).min(1) });

/** The facts as stored on a case: their texts as they were saved (storedForm), whatever issue 16 now refuses on the way in. */
const anyFacts = z.union(Object.values(FACTS_SCHEMAS).map((s) => storedForm(s)) as unknown as [z.ZodType<FactsByItem[DossierItemId]>, z.ZodType<FactsByItem[DossierItemId]>]);

export const dossierItemRecord = z.object({
  receivedOn: isoDate.optional(),
  facts: anyFacts.optional(),
  documents: z.array(dossierDocument),
}) satisfies z.ZodType<DossierItemRecord>;

/** Stored on the case: one entry per item that has anything (absent items are waiting). */
export const dossierRecord = z.object({ items: z.partialRecord(dossierItemId, dossierItemRecord) });
export type DossierRecord = z.infer<typeof dossierRecord>;

// ---- Views ----

export const finding = z.object({
  item: dossierItemId,
  code: z.enum(['consent_missing', 'id_expires_before_transfer', 'id_expired', 'active_penalty', 'differs_from_request', 'no_work_or_study']),
  severity: z.enum(['blocking', 'warning']),
  point: z.string(),
  lt: z.string(),
  en: z.string(),
});

export const missingEntry = z.object({
  item: dossierItemId,
  reason: z.enum(['not_received', 'facts_missing', 'judgment_question', 'consent_missing', 'id_expires_before_transfer', 'id_expired', 'active_penalty', 'differs_from_request', 'no_work_or_study']),
  toRequest: z.boolean(),
  lt: z.string(),
  en: z.string(),
});

export const dossierItemView = z.object({
  id: dossierItemId,
  status: z.enum(['waiting', 'received', 'not_needed']),
  receivedOn: isoDate.optional(),
  facts: anyFacts.optional(),
  documents: z.array(dossierDocument),
  findings: z.array(finding),
});

export const dossierView = z.object({
  items: z.array(dossierItemView),
  missing: z.array(missingEntry),
  complete: z.boolean(),
  /** V-77 p. 7: the extension of the term, with its reason. */
  extension: z.object({ days: z.number().int(), reason: z.string() }).optional(),
  /** The largest document accepted, in bytes (settings, default 50 MB). */
  maxDocumentBytes: z.number().int(),
});
export type DossierView = z.infer<typeof dossierView>;

/** A file checked and held in memory until the user confirms where it goes (nothing is stored yet). */
export const stagedFile = z.object({
  stagedId: z.string(),
  name: z.string(),
  kind: documentKind,
  size: z.number().int(),
  sha256: z.string(),
  /** The item its name proposes ("6.1 …"), or null. */
  proposedItem: dossierItemId.nullable(),
  /** Where the same content is already attached on this case, if anywhere. */
  alreadyAttached: z.array(z.object({ item: dossierItemId, documentId: z.string(), name: z.string() })),
});
export type StagedFile = z.infer<typeof stagedFile>;

/** Binary content (a document): carried as is by Electron IPC and in the browser host's binary envelope. */
export const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: 'invalid' });

export const DEFAULT_MAX_DOCUMENT_MEGABYTES = 50;
