import type { ServiceContext } from '../context';
import { pemCertificates } from '../signing/pemCertificates';
import type { TrustedService } from './qualified';

/**
 * What the institution trusts when it checks a signature (issue 12, 18): the administrator's pasted
 * PEM roots and the qualified CA services of the imported trusted lists.
 * PLACEHOLDER (issue 18, being written): the trusted lists are not read yet.
 */
export function trustedServicesOf(_ctx: ServiceContext): TrustedService[] {
  return [];
}

/** Every trust anchor (DER): the pasted roots, then the trusted lists' CA services. */
export function trustedAnchors(ctx: ServiceContext): Uint8Array[] {
  return [...pemCertificates(ctx.settings.get()?.signing?.trustedRoots ?? ''), ...trustedServicesOf(ctx).map((s) => s.certificate)];
}
