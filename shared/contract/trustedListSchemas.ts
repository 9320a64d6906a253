import { z } from 'zod';

/**
 * The EU and Lithuanian trusted lists (ETSI TS 119 612) the administrator imports (issue 18, "Trust
 * from the trusted lists"): as kept in trustedLists.json, and as the settings show them.
 */

/**
 * A list as kept: the file as imported and the operator's certificate (both base64), read again
 * (signature and all) whenever the app opens; the scheme's facts besides, so the settings can name
 * a list even if a later version could no longer read it.
 */
export const storedTrustedList = z.object({
  id: z.string(),
  name: z.string().max(255),
  xml: z.string(),
  operatorCertificate: z.string(),
  territory: z.string(),
  operator: z.string(),
  sequenceNumber: z.number().int(),
  issued: z.string(),
  nextUpdate: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type StoredTrustedList = z.infer<typeof storedTrustedList>;

export const trustedListsRecord = z.object({ lists: z.array(storedTrustedList) });
export type TrustedListsRecord = z.infer<typeof trustedListsRecord>;

/** A trusted list as the settings show it. */
export const trustedListView = z.object({
  id: z.string(),
  /** The file's name as imported. */
  name: z.string(),
  /** SchemeTerritory, e.g. 'LT' or 'EU'. */
  territory: z.string(),
  /** SchemeOperatorName (Lithuanian, else English). */
  operator: z.string(),
  /** TSLSequenceNumber: a newer list of the territory has a higher one. */
  sequenceNumber: z.number().int(),
  /** ListIssueDateTime and NextUpdate, ISO moments. */
  issued: z.string(),
  nextUpdate: z.string(),
  /** The next update is past: the list no longer proves what it says (no signature is called qualified by it). */
  expired: z.boolean(),
  importedAt: z.string(),
  /** The list still reads with its operator's certificate (false only if this version of the app no longer accepts it). */
  readable: z.boolean(),
  /** Its CA/QC services whose current status is granted: these are trust anchors. */
  services: z.array(z.object({ name: z.string(), provider: z.string() })),
});
export type TrustedListView = z.infer<typeof trustedListView>;

export const trustedListsView = z.object({ lists: z.array(trustedListView) });
export type TrustedListsView = z.infer<typeof trustedListsView>;
