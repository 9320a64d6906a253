/**
 * `tsx test/bench/documents.bench.ts`: the limits of issue 12 (medians, warm process); the process
 * exits non-zero when one is over.
 * - Generating and signing a two-page document: at most 15 ms (writer and signer). The document is
 *   the commission's 10.1 proposal with the nine criteria of V-77 p. 11 written out, so that it takes
 *   two A4 pages; it is laid out, written as PDF 1.7 / PDF/A-2b / PDF-LT-V1.0 with the embedded fonts, and signed (PAdES,
 *   RSA-2048 from a PKCS#12 file, visible stamp). The first run (which prepares the font subsets once
 *   per process) is reported apart and left out.
 * - Issuing and signing through the back end on an encrypted data directory: at most 40 ms for
 *   `documents.issue` + `documents.sign` of the director's order (V-77 p. 13) together, each also
 *   reported: the register, the sealed and fsync'd files, the audit trail and the check of the signed
 *   file before it is kept. The order cites the proposal and the minutes, so these are issued and
 *   signed first (chair and secretary, then the chair); each run issues a correction of the order.
 * - Verifying a document with two signatures (the minutes, signed by the chair and the secretary)
 *   against the test CA: at most 20 ms.
 * BENCH_DOCUMENT_RUNS changes the number of runs (default 60).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { renderPdf } from '../../electron/services/pdf/pdfWriter';
import { signPdf } from '../../electron/services/signing/pdfSignature';
import { verifyPdf } from '../../electron/services/signing/pdfVerify';
import { openPkcs12 } from '../../electron/services/signing/pkcs12';
import type { Dispatch } from '../../shared/contract/dispatch';
import { DEFAULT_PREFIXES } from '../../shared/contract/documentSchemas';
import { buildDocument } from '../../shared/domain/documents/templates';
import type { Evaluation } from '../../shared/domain/evaluation';
import { ok } from '../helpers/calls';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { COMMISSION, decideByMeeting, readyCase } from '../helpers/meetings';
import { namedSigner, P12_PASSWORD, testPki } from '../helpers/pki';
import { openAsStaff, signedIn, as } from '../helpers/users';
import { caseHere, favourableEvaluation, institution, meeting } from '../unit/domain/documents/fixtures';
import { median } from './stats';

process.env.PUSIAUKELE_PASSPHRASE ||= 'bench-passphrase-pusiaukele';

const RUNS = Number(process.env.BENCH_DOCUMENT_RUNS ?? 60);
const LIMITS = { core: 15, service: 40, verify: 20 };
const FONTS = join(process.cwd(), 'build', 'fonts');
const TODAY = '2026-11-23';

/** Findings as a commission writes them out, long enough for a second page. */
const evaluation: Evaluation = Object.fromEntries(
  Object.entries(favourableEvaluation).map(([id, e]) => [
    id,
    { ...e, findings: `${e.findings} Komisija išnagrinėjo dokumentinę medžiagą ir nuteistojo paaiškinimus; aplinkybės patvirtintos asmens bylos duomenimis, socialinio tyrimo išvada ir būrio viršininko charakteristika.` },
  ]),
);

async function core(): Promise<{ first: number; median: number; pages: number; bytes: number }> {
  const pki = testPki();
  const signer = openPkcs12(pki.rsa.p12, P12_PASSWORD);
  const times: number[] = [];
  let pages = 0;
  let size = 0;
  for (let run = 0; run <= RUNS; run += 1) {
    const t0 = performance.now();
    const model = buildDocument(
      {
        kind: 'proposal',
        sources: {
          institution,
          case: caseHere,
          commission: { decision: '10.1', minutes: { date: '2026-11-20', number: 'DK-12' }, rationale: '', evaluation },
          tally: { for: 5, against: 0, abstain: 0, decidedByChair: false },
          chairName: 'Vytautas Kęstutaitis',
        },
      },
      `DKS-${run + 1}`,
      TODAY,
    );
    const rendered = await renderPdf(model, { createdAt: new Date(), id: `bench-${run}`, producer: 'Pusiaukelė' }, FONTS);
    const slot = rendered.slots[0];
    if (!slot) throw new Error('the proposal has no signature line');
    const signed = await signPdf(rendered.bytes, { signer, slot, signerName: 'Ąžuolas Žėkas', position: slot.position, at: new Date(), fontsDir: FONTS });
    times.push(performance.now() - t0);
    pages = rendered.pageCount;
    size = signed.length;
  }
  await signer.close();
  const [first, ...warm] = times;
  return { first: first as number, median: median(warm), pages, bytes: size };
}

const p12 = (bytes: Uint8Array) => ({ kind: 'pkcs12' as const, bytes, password: P12_PASSWORD });

async function service(): Promise<{ issue: number; sign: number; both: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pusiaukele-bench-documents-'));
  try {
    const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    // The staff session holds the secretary's role: it issues the documents and signs the minutes' secretary line.
    const secretary: Dispatch = services.dispatch;
    const member = (role: string) => COMMISSION.members.find((m) => m.role === role)?.name ?? '';
    await ok(secretary, 'settings.save', {
      ...DEMO_SETTINGS,
      revision: 0,
      register: { place: 'Pravieniškės', director: { name: 'Ąžuolas Žėkas', position: 'Direktorius' }, halfwayHouseEmployee: { name: '', position: '' }, prefixes: { ...DEFAULT_PREFIXES } },
    });
    const view = await readyCase(secretary, { ...DOSSIER_CASE_REQUEST, servingInstitutionId: 'own' }, '2026-11-20');
    const decided = await decideByMeeting(secretary, [view.record.id], { [view.record.id]: '10.1' }, TODAY);
    const director = as(services, await signedIn(services, services.session, 'direktorius', ['director'])) as Dispatch;
    const chair = as(services, await signedIn(services, services.session, 'pirmininke', ['chair'])) as Dispatch;
    // What the order cites is signed first (issue 12): the minutes, then the proposal.
    const minutes = await ok(secretary, 'documents.issue', { kind: 'minutes', meetingId: decided.record.id });
    await ok(chair, 'documents.sign', { id: minutes.id, credential: p12(namedSigner({ name: member('chair') }).p12) });
    await ok(secretary, 'documents.sign', { id: minutes.id, credential: p12(namedSigner({ name: member('secretary') }).p12) });
    const proposal = await ok(secretary, 'documents.issue', { kind: 'proposal', caseId: view.record.id });
    await ok(chair, 'documents.sign', { id: proposal.id, credential: p12(namedSigner({ name: member('chair') }).p12) });
    const directorP12 = testPki().rsa.p12; // "CN=Ąžuolas Žėkas", the register's director
    const issues: number[] = [];
    const signs: number[] = [];
    const both: number[] = [];
    let previous: string | undefined;
    for (let run = 0; run <= Math.min(RUNS, 30); run += 1) {
      const t0 = performance.now();
      const doc = await ok(secretary, 'documents.issue', { kind: 'order', caseId: view.record.id, ...(previous ? { replaces: previous } : {}) });
      const t1 = performance.now();
      await ok(director, 'documents.sign', { id: doc.id, credential: p12(directorP12) });
      const t2 = performance.now();
      issues.push(t1 - t0);
      signs.push(t2 - t1);
      both.push(t2 - t0);
      previous = doc.id;
    }
    await services.close();
    return { issue: median(issues.slice(1)), sign: median(signs.slice(1)), both: median(both.slice(1)) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The minutes signed by the chair and the secretary (two certificates, two incremental updates), verified against the test CA. */
async function verification(): Promise<{ median: number; indications: string }> {
  const pki = testPki();
  const model = buildDocument({ kind: 'minutes', sources: { institution, meeting } }, 'DK-12', '2026-11-20');
  const rendered = await renderPdf(model, { createdAt: new Date(), id: 'bench-minutes', producer: 'Pusiaukelė' }, FONTS);
  let bytes: Uint8Array = rendered.bytes;
  for (const slot of rendered.slots) {
    const signer = openPkcs12(namedSigner({ name: slot.name }).p12, P12_PASSWORD);
    bytes = await signPdf(bytes, { signer, slot, signerName: slot.name, position: slot.position, at: new Date(), fontsDir: FONTS });
    await signer.close();
  }
  const options = { trusted: [pki.ca.certificate] };
  const check = verifyPdf(bytes, options);
  if (check.signatures.length !== 2) throw new Error(`the minutes have ${check.signatures.length} signatures, not 2`);
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const t0 = performance.now();
    verifyPdf(bytes, options);
    times.push(performance.now() - t0);
  }
  return { median: median(times.slice(1)), indications: `${check.signatures.map((s) => s.indication).join(', ')}; document ${check.indication}` };
}

/** Reports a figure, and marks the run failed when it is over its limit. */
function figure(label: string, ms: number, limit: number) {
  console.log(`documents: ${label}: median ${ms.toFixed(2)} ms (limit ${limit} ms)`);
  if (ms > limit) {
    console.error(`documents: over the limit: ${label} (${ms.toFixed(2)} ms > ${limit} ms)`);
    process.exitCode = 1;
  }
}

async function main() {
  const c = await core();
  console.log(`documents: generate + sign a ${c.pages}-page proposal (${Math.round(c.bytes / 1024)} KB): first ${c.first.toFixed(1)} ms (fonts prepared)`);
  figure(`generate + sign, ${RUNS} warm runs`, c.median, LIMITS.core);
  if (c.pages !== 2) {
    console.error(`documents: the benchmark document has ${c.pages} pages, not 2; adjust its findings`);
    process.exitCode = 1;
  }
  const s = await service();
  console.log(`documents: through the back end on an encrypted data directory: documents.issue median ${s.issue.toFixed(1)} ms, documents.sign median ${s.sign.toFixed(1)} ms`);
  figure('documents.issue + documents.sign of the order, encrypted data directory', s.both, LIMITS.service);
  const v = await verification();
  console.log(`documents: the two-signature minutes verify as ${v.indications}`);
  figure(`verifying the two-signature minutes, ${RUNS} runs`, v.median, LIMITS.verify);
  if (!v.indications.endsWith('document TOTAL_PASSED')) {
    console.error('documents: the two-signature minutes do not verify as TOTAL_PASSED');
    process.exitCode = 1;
  }
}

await main();
