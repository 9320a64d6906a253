// The one shape every signing key takes, wherever it lives (a PKCS#12 file, a smart card): the CMS
// builder needs nothing else (issue 6, "Signatures").

export type SignerKeyType = 'RSA' | 'ECDSA';

/** A signing key and its certificate, wherever the key lives. */
export interface Signer {
  /** The signer certificate, DER. */
  certificate: Uint8Array;
  /** Intermediate and CA certificates to embed (DER), nearest issuer first; may be empty. */
  chain: Uint8Array[];
  keyType: SignerKeyType;
  /** Signs `data` with SHA-256 (RSA PKCS#1 v1.5, or ECDSA returning a DER Ecdsa-Sig-Value). */
  sign(data: Uint8Array): Promise<Uint8Array>;
  /** Releases the key (logs out of the card); signing afterwards fails. Safe to call twice. */
  close(): Promise<void>;
}
