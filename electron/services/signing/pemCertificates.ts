/** The DER certificates of a PEM text (the administrator pastes the trusted roots as PEM). */
export function pemCertificates(pem: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
    out.push(Buffer.from((m[1] as string).replace(/\s+/g, ''), 'base64'));
  }
  return out;
}
