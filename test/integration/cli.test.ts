import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import { DEMO_USERS } from '../../electron/cli/demo';
import { DEMO_OFFICIALS } from '../../electron/cli/demoCertificates';
import { certificateHolder } from '../../electron/services/documents/signerMatch';
import { pemCertificates } from '../../electron/services/signing/pemCertificates';
import { openPkcs12 } from '../../electron/services/signing/pkcs12';
import { verifyPdf } from '../../electron/services/signing/pdfVerify';
import type { Dispatch } from '../../shared/contract/dispatch';
import { ok, tempDataDir } from '../helpers/dataDir';

const run = promisify(execFile);

function cli(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    env: { ...process.env, PUSIAUKELE_TODAY: '2026-11-23' },
  });
}

describe('npm run cli -- demo', () => {
  it('fills a new data directory with cases at every stage, including the p. 5 and p. 19 flags', async () => {
    const dataDir = tempDataDir();
    const { stdout } = await cli('demo', '--data', dataDir);
    expect(stdout).toContain(`Įrašyta 39 demonstracinių bylų į ${dataDir}`);
    expect(stdout).toMatch(/Komisija: 5 nariai; posėdžių įvyko \d+, suplanuota 1\./);
    expect(stdout).toMatch(/archyvare\s+Demo-archyvare-2026\s+Archyvaras/);
    const services = await openServices({ dataDir, today: '2026-11-23', verifyOnOpen: false });
    const secretary = DEMO_USERS.find((u) => u.username === 'sekretore')!;
    const { session } = await ok(services.dispatch, 'auth.login', { username: secretary.username, password: secretary.password });
    const dispatch: Dispatch = (m, i) => services.dispatch(m, i, session);
    const { cases } = await ok(dispatch, 'cases.list', {});
    expect(cases).toHaveLength(39);
    const states = new Set(cases.map((c) => c.state));
    for (const state of ['request_received', 'dossier_collecting', 'dossier_received', 'scheduled', 'decided', 'listed', 'transferred', 'refused', 'withdrawn']) {
      expect(states).toContain(state);
    }
    expect(cases.some((c) => c.nextDeadline?.overdue)).toBe(true);
    // V-77 p. 6–8: the dossier shows in every state: complete from the commission on, begun while collected.
    const atCommission = ['ready_for_commission', 'scheduled', 'decided', 'listed', 'submitted_to_department', 'transfer_ordered', 'transferred', 'refused', 'left', 'returned'];
    const kinds = new Set<string>();
    const findings = new Set<string>();
    for (const c of cases) {
      const { dossier } = await ok(dispatch, 'cases.get', { id: c.id });
      const received = dossier.items.filter((i) => i.status === 'received');
      if (atCommission.includes(c.state!)) expect(dossier.complete, `${c.personalFileNo} (${c.state})`).toBe(true);
      else if (c.state === 'request_received') expect(received).toEqual([]);
      // Issue 14: a dossier sent to another institution's director (V-77 p. 7–8) went with what it held.
      else if (c.state === 'dossier_sent') expect(received.length, `${c.personalFileNo} (${c.state})`).toBeGreaterThan(0);
      else {
        expect(dossier.complete, `${c.personalFileNo} (${c.state})`).toBe(false);
        expect(received.length, `${c.personalFileNo} (${c.state})`).toBeGreaterThan(0);
      }
      for (const item of dossier.items) for (const f of item.findings) findings.add(f.code);
      const scan = dossier.items.find((i) => i.id === '6.10')!.documents[0];
      if (scan) {
        const read = await ok(dispatch, 'dossier.readDocument', { caseId: c.id, documentId: scan.id });
        kinds.add(read.kind);
        const signature = Buffer.from(read.bytes.subarray(0, 4)).toString('latin1');
        expect(signature).toBe(read.kind === 'pdf' ? '%PDF' : '\x89PNG');
      }
    }
    expect([...kinds].sort()).toEqual(['pdf', 'png']);
    // p. 3.2: an identity document not valid on the transfer date; 6.8: the penalty a refusal names.
    expect(findings).toContain('active_penalty');
    expect([...findings].some((f) => f === 'id_expires_before_transfer' || f === 'id_expired')).toBe(true);
    expect(cases.flatMap((c) => c.flags).sort()).toEqual(['p19', 'p5']);

    // V-77 p. 9–10: the commission (five sitting today, one of them since a member left) decided at
    // past meetings, several cases each; the next meeting is planned with cases on its agenda.
    const commission = (await ok(dispatch, 'commission.get', {}))!;
    const sitting = commission.members.filter((m) => m.until === undefined || m.until >= '2026-11-23');
    expect(sitting.map((m) => m.role).sort()).toEqual(['chair', 'member', 'member', 'member', 'secretary']);
    expect(commission.members.some((m) => m.until !== undefined)).toBe(true);
    const { meetings } = await ok(dispatch, 'meetings.list', {});
    const closed = meetings.filter((m) => m.state === 'closed');
    const planned = meetings.filter((m) => m.state === 'planned');
    expect(closed.length).toBeGreaterThanOrEqual(3);
    expect(closed.every((m) => m.date < '2026-11-23')).toBe(true);
    expect(closed.filter((m) => m.cases >= 3).length).toBeGreaterThanOrEqual(2);
    expect(planned).toHaveLength(1);
    expect(planned[0]!.date > '2026-11-23').toBe(true);
    const decisions = new Set<string>();
    const members = new Set<string>();
    let postponed = 0;
    for (const m of closed) {
      const view = await ok(dispatch, 'meetings.get', { id: m.id });
      for (const member of view.record.members ?? []) members.add(member.name);
      for (const { item } of view.items) {
        expect(item.frozen?.outcome, `${item.convict.lastName} at ${m.date}`).toMatch(/^(decided|postponed)$/);
        if (item.frozen?.outcome === 'postponed') {
          postponed++;
          continue;
        }
        decisions.add(item.frozen!.decision!);
        // Evaluated on all nine criteria in Lithuanian, the reasons given where 10.2/10.4 need them.
        expect(Object.keys(item.evaluation)).toHaveLength(9);
        expect(item.evaluation['11.5']?.findings).toMatch(/nusikalstamo elgesio rizika/);
        if (item.decision === '10.2' || item.decision === '10.4') expect(item.rationale).toMatch(/^Komisija siūlo/);
        const { record } = await ok(dispatch, 'cases.get', { id: item.caseId });
        expect(record.facts).toMatchObject({ meetingId: m.id, decision: item.frozen!.decision });
        expect(record.timeline.find((e) => e.to === 'decided')).toMatchObject({ on: m.date, decision: item.frozen!.decision });
      }
    }
    expect(postponed).toBe(1);
    expect(decisions.size).toBeGreaterThanOrEqual(3);
    expect(members.size).toBe(6); // the members who left and joined each sat on some meetings
    const next = await ok(dispatch, 'meetings.get', { id: planned[0]!.id });
    expect(next.items.map((i) => i.caseState)).toEqual(next.items.map(() => 'scheduled'));
    expect(cases.filter((c) => c.state === 'scheduled')).toHaveLength(next.items.length);
    expect(next.candidates.length).toBeGreaterThan(0); // cases ready for the commission can still go on it
    expect(await ok(dispatch, 'settings.get', {})).toMatchObject({ institution: { runsHalfwayHouse: true } });

    // Issue 12, "Demo": a demo CA and a PKCS#12 per official, next to the data directory (never inside
    // it), each opened by the password printed beside it; the CA trusted in the settings; documents
    // signed by the right people, whose signatures verify as intact and trusted on the first try.
    const certificatesDir = join(dirname(dataDir), 'demo-certificates');
    expect(stdout).toContain(certificatesDir);
    expect(readdirSync(dataDir)).not.toContain('demo-certificates');
    const caPem = readFileSync(join(certificatesDir, 'demo-ca.pem'), 'utf8');
    for (const official of DEMO_OFFICIALS) {
      const file = join(certificatesDir, `${official.username}.p12`);
      expect(existsSync(file), file).toBe(true);
      expect(stdout).toMatch(new RegExp(`${official.username}\\.p12\\s+${official.password}\\s+${official.name}`));
      const signer = openPkcs12(readFileSync(file), official.password);
      expect(certificateHolder(signer.certificate)).toMatchObject({ name: official.name, personalCode: official.personalCode });
      await signer.close();
    }
    const asAdmin: Dispatch = async (m, i) => services.dispatch(m, i, (await ok(services.dispatch, 'auth.login', { username: DEMO_USERS[0]!.username, password: DEMO_USERS[0]!.password })).session);
    const settings = await ok(asAdmin, 'settings.get', {});
    expect(settings?.signing?.trustedRoots).toBe(caPem);
    expect(settings?.register?.director).toMatchObject({ name: 'Rūta Žemaitienė', personalCode: DEMO_OFFICIALS[0]!.personalCode });
    const { documents } = await ok(dispatch, 'documents.list', {});
    const signed = documents.filter((d) => d.signatures.length > 0 && d.awaiting.length === 0);
    // Issue 14: the demo's cases reached their states by the director's signed acts (V-77 p. 13–16, 46).
    expect([...new Set(signed.map((d) => d.kind))].sort()).toEqual(expect.arrayContaining(['list', 'minutes', 'order', 'proposal']));
    expect(documents.some((d) => d.awaiting.length > 0)).toBe(true); // one proposal waits for the chair
    const order = signed.find((d) => d.kind === 'order')!;
    expect(order.signatures[0]).toMatchObject({ role: 'director', signerName: 'Rūta Žemaitienė' });
    for (const doc of signed) {
      const { bytes } = await ok(dispatch, 'documents.read', { id: doc.id });
      const check = verifyPdf(bytes, { trusted: pemCertificates(caPem), now: new Date() });
      expect(check.signatures.length, doc.registrationNumber).toBe(doc.signatures.length);
      for (const sig of check.signatures) expect(sig.cms, doc.registrationNumber).toMatchObject({ intact: true, trusted: true });
    }
    await services.close();
  }, 120_000);

  it('refuses a data directory that is already in use, and says why in Lithuanian', async () => {
    const dataDir = tempDataDir();
    await cli('demo', '--data', dataDir, '--count', '2');
    const failed = await cli('demo', '--data', dataDir).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('DEMO_NOT_EMPTY');
  });
});
