// Issue 13: one message catalogue for errors. Every code has its Lithuanian and English text made
// from its parameters; every code the back end throws is in the catalogue (tsc checks each
// `new DomainError(code, params)`, and the scan below checks the rest), no entry is left unused, and
// the dispatcher and the renderer take their texts from it.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Guard } from '../../../shared/contract/dispatch';
import type { Handlers } from '../../../shared/contract/methods';
import { DomainError, errorFromData, fieldError } from '../../../shared/domain/errors';
import { ERROR_TEXT_PARTS, ERROR_TEXTS, errorText, isErrorCode, textOfError, type ErrorCode, type ErrorParams, type StorageSubject } from '../../../shared/domain/errorTexts';
import { ApiError } from '../../../renderer/api/client';
import { LONG_TERM_SAMPLES } from './errorSamples/longTerm';
import { TRUSTED_LIST_SAMPLES } from './errorSamples/trustedLists';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const ballot = { memberId: 'm1', caseId: 'c1' };
const file = { file: 'išvada.pdf', size: 1234 };

/** Every record a failed write can name (tsc checks that none is left out). */
const SUBJECTS = Object.keys({
  newRequest: 1,
  requestChanges: 1,
  caseStep: 1,
  dossier: 1,
  extension: 1,
  document: 1,
  documentRecord: 1,
  register: 1,
  meeting: 1,
  commission: 1,
  settings: 1,
  revocationLists: 1,
  trustedLists: 1,
  userData: 1,
  auditEntry: 1,
  importedCase: 1,
} satisfies Record<StorageSubject, 1>) as StorageSubject[];

/** Parameters for every code, each variant its texts have: the catalogue's type says every code is here. */
const SAMPLES: { readonly [C in ErrorCode]: readonly ErrorParams<C>[] } = {
  INVALID_INPUT: [
    { fields: [{ path: 'lastName', key: 'required' }, { path: 'on', key: 'date' }] },
    { fields: [{ path: 'requestDate', key: 'requestInFuture' }], about: { why: 'asField' } },
    { fields: [{ path: 'requestDate', key: 'dateOrder' }], about: { why: 'requestAfterFirstStep', first: '2026-11-05' } },
    { fields: [{ path: 'on', key: 'dateOrder' }], about: { why: 'stepDate', notBefore: '2026-11-05' } },
    { fields: [{ path: 'on', key: 'dateInFuture' }], about: { why: 'stepDate', notBefore: '2026-11-05' } },
    { fields: [{ path: 'note', key: 'required' }], about: { why: 'stepReason', to: 'refused' } },
    { fields: [{ path: 'note', key: 'required' }], about: { why: 'versionNote', file: 'nauja.pdf' } },
    { fields: [{ path: 'receivedOn', key: 'invalid' }], about: { why: 'attachFirst', item: '6.2' } },
    { fields: [{ path: 'receivedOn', key: 'dateInFuture' }], about: { why: 'receivedInFuture' } },
    { fields: [{ path: 'receivedOn', key: 'receivedBeforeRequest' }], about: { why: 'receivedBeforeRequest', requestDate: '2026-11-02' } },
    { fields: [{ path: 'facts.assessedOn', key: 'dateInFuture' }], about: { why: 'factsDates' } },
    { fields: [{ path: 'criterion', key: 'required' }], about: { why: 'chooseCriterion' } },
    { fields: [{ path: 'value', key: 'required' }], about: { why: 'amendmentEmpty' } },
    { fields: [{ path: 'value', key: 'invalid' }], about: { why: 'chooseAssessment' } },
    { fields: [{ path: 'caseIds', key: 'caseNotReady' }], about: { why: 'caseNotReady', convict: 'Jonas Jonaitis', state: 'decided' } },
    { fields: [{ path: 'date', key: 'dateOrder' }], about: { why: 'meetingBeforeLastStep', convict: 'Jonas Jonaitis', notBefore: '2026-11-05' } },
    { fields: [{ path: 'reason', key: 'required' }], about: { why: 'recusalReason' } },
    { fields: [{ path: 'onRegister', key: 'invalid' }], about: { why: 'registerOnlyUnder118' } },
    { fields: [{ path: 'decision', key: 'decisionNotOpen' }], about: { why: 'decisionNotOpen', open: ['10.1', '10.2'] } },
    { fields: [{ path: 'reason', key: 'required' }], about: { why: 'postponeReason' } },
  ],
  SETUP_REQUIRED: [{}],
  CASE_DUPLICATE: [
    { id: 'c1', personalFileNo: 'A-1001' },
    { id: 'c1', personalFileNo: 'A-1001', underWay: { firstName: 'Jonas', lastName: 'Jonaitis', requestDate: '2026-11-02', state: 'scheduled' } },
  ],
  REQUEST_LOCKED: [{ state: 'decided' }],
  STEP_BY_MEETING: [{ from: 'ready_for_commission', to: 'scheduled' }],
  DOSSIER_INCOMPLETE: [{ missing: [{ item: '6.2', reason: 'not_received', lt: 'Socialinio tyrimo išvada', en: 'Social investigation conclusion' }] }],
  CASE_CHANGED: [{ id: 'c1', revision: 3 }],
  CASE_IN_MEETING: [{ meetingId: 'm1' }],
  UNKNOWN_INSTITUTION: [{ id: 'vilnius', field: 'servingInstitutionId' }],
  ILLEGAL_TRANSITION: [
    { from: 'request_received', to: 'decided' },
    { from: 'listed', to: 'transfer_ordered', decision: '10.3', gate: { decisions: ['10.1'], point: '13' } },
  ],
  EXTENSION_TOO_LONG: [{ extensionDays: 11, max: 10 }],
  INVALID_DATE: [{ value: '2026-02-30' }],
  INVALID_TERM: [{ unit: 'days', value: 1.5 }],
  DOSSIER_LOCKED: [{ state: 'decided' }],
  DOSSIER_WOULD_BE_INCOMPLETE: [{ state: 'scheduled' }],
  DOCUMENT_NOT_FOUND: [{ documentId: 'd1', version: 2 }, { documentId: 'd1', replacingIn: '6.2' }, { documentId: 'g1', generated: true }],
  DOCUMENT_SAME_CONTENT: [{ file: 'išvada.pdf' }],
  DOCUMENT_ALREADY_ATTACHED: [{ file: 'išvada.pdf', item: '6.2', attachedAs: 'išvada (1).pdf' }],
  EXTENSION_CLOSED: [{ state: 'dossier_received' }],
  STAGING_FULL: [{ file: 'išvada.pdf' }],
  STAGED_FILE_GONE: [{ stagedId: 's1' }],
  FILE_EMPTY: [{ file: 'išvada.pdf', size: 0 }],
  FILE_TOO_LARGE: [{ ...file, size: 52.4 * 1024 * 1024, limit: 50 * 1024 * 1024 }],
  FILE_NOT_DOCUMENT: [
    { ...file, detected: 'exe' },
    { ...file, detected: 'zip' },
    { ...file, detected: 'rar' },
    { ...file, detected: 'heic' },
    { ...file, detected: 'text' },
    { ...file, detected: 'unknown' },
  ],
  PDF_ENCRYPTED: [{ ...file, kind: 'pdf' }, {}],
  PDF_TRUNCATED: [{ ...file, kind: 'pdf', reason: 'no-eof' }],
  PDF_DAMAGED: [{ ...file, kind: 'pdf', reason: 'no-header' }],
  IMAGE_TRUNCATED: [{ ...file, kind: 'jpeg', reason: 'no-eoi' }],
  IMAGE_DAMAGED: [{ ...file, kind: 'png', reason: 'bad-ihdr' }],
  MEETING_STATE: [
    { state: 'closed', action: 'changeRecords' },
    { state: 'planned', to: 'closed' },
  ],
  MEETING_NOT_READY: [{ problems: [{ caseId: 'c1', code: 'NOT_DECIDED', lt: 'Jonas Jonaitis: sprendimas nepriimtas.', en: 'Jonas Jonaitis: no decision adopted.' }] }],
  MEETING_CHANGED: [{ id: 'm1', revision: 4 }],
  MEETING_NOT_YET: [{ date: '2026-12-01' }],
  COMMISSION_REQUIRED: [{}, { date: '2026-12-01' }],
  ITEM_NOT_FOUND: [{ caseId: 'c1' }, { caseId: 'c1', amending: true }],
  ITEM_CLOSED: [
    { caseId: 'c1', state: 'decided' },
    { caseId: 'c1', state: null },
  ],
  MEMBER_NOT_FOUND: [{ memberId: 'm9' }],
  VOTE_COMPLETE: [{}],
  VOTE_IN_PROGRESS: [{ refused: 'proposal' }, { refused: 'postponement' }],
  VOTE_NOT_REJECTED: [{}],
  ITEM_POSTPONED: [ballot],
  DECISION_REQUIRED: [ballot],
  DECISION_NOT_OPEN: [{ ...ballot, decision: '10.3', open: ['10.1', '10.2'] }],
  EVALUATION_INCOMPLETE: [{ ...ballot, missing: ['11.2', '11.5'] }],
  RATIONALE_REQUIRED: [{ ...ballot, decision: '10.4' }],
  MEMBER_NOT_VOTING: [{ ...ballot, name: 'Ona Onaitė' }],
  MEMBER_ABSENT: [{ ...ballot, name: 'Ona Onaitė' }],
  MEMBER_RECUSED: [{ ...ballot, name: 'Ona Onaitė' }],
  QUORUM_MISSING: [{ ...ballot, taking: 2, voting: 5, needed: 3 }],
  COMMISSION_CHANGED: [{}],
  MEMBER_IN_USE: [{ memberId: 'm1', name: 'Ona Onaitė', date: '2026-11-20' }],
  NOT_SET_UP: [{}],
  REGISTER_NOT_SET_UP: [{}, { missing: 'employee' }],
  DOCUMENT_NOT_DUE: [
    { why: 'notDecided', caseId: 'c1' },
    { why: 'decision', decision: '10.2', allowed: ['10.1', '10.3'], point: '12' },
    { why: 'citedNotIssued', cited: 'minutes' },
    { why: 'citedNotIssued', cited: 'proposal' },
    { why: 'citedNotIssued', cited: 'returnSubmission' },
    { why: 'meetingNotClosed', state: 'open' },
    { why: 'notTransferred', state: 'listed' },
  ],
  DOCUMENT_SOURCES: [
    { why: 'noOfficer', role: 'chair' },
    { why: 'officerAbsent', role: 'secretary', name: 'Aušra Vilkienė' },
    { why: 'noMember', memberId: 'm9' },
  ],
  SIGNER_UNKNOWN: [{ signedBy: 'deputy-9' }],
  DOCUMENT_CHARACTERS: [{ characters: ['ŋ', '☃'] }],
  DOCUMENT_EXISTS: [{ id: 'g1', registrationNumber: 'PR-3' }],
  DOCUMENT_CONFLICT: [{ id: 'g1', kind: 'order', documentType: 'Įsakymas', registrationNumber: 'IS-3' }],
  REPLACEMENT_MISMATCH: [{ id: 'g1' }],
  VERSION_NOT_FOUND: [{ id: 'g1', version: 9 }],
  DOCUMENT_REPLACED: [{ id: 'g1', replacedBy: 'g2' }],
  ALREADY_SIGNED: [{ id: 'g1' }],
  USER_NOT_SIGNER: [{ id: 'g1', expected: 'Rūta Žemaitienė', position: 'Direktorė' }],
  SIGNER_NOT_SET: [{ id: 'g1', name: 'Tomas Šaulys' }],
  NOTHING_TO_SIGN: [{ id: 'g1' }],
  CITED_NOT_SIGNED: [{ id: 'g2', cited: 'g1', registrationNumber: 'PR-3', kind: 'minutes', documentType: 'Protokolas' }],
  PKCS11_NOT_CONFIGURED: [{}],
  CERT_ALREADY_USED: [{ id: 'g1', holder: 'Vytautas Grigas' }],
  CERT_UNTRUSTED: [{ certificate: 'Vytautas Grigas', issuer: 'CN=Kita CA' }],
  CERT_NOT_SIGNER: [
    { holder: 'Vytautas Grigas', expected: 'Aušra Vilkienė', position: 'Sekretorė' },
    { holder: '', expected: 'Aušra Vilkienė', position: 'Sekretorė', personalCode: '48001010000' },
  ],
  P12_WRONG_PASSWORD: [{}],
  P12_UNREADABLE: [{ reason: { why: 'notPkcs12' } }, { reason: { why: 'encryption', oid: '1.2.3' } }, { reason: { why: 'privateKey' } }, { reason: { lt: 'priežastis', en: 'reason' } }],
  P12_NO_KEY: [{}],
  P12_NO_CERTIFICATE: [{}],
  KEY_UNSUPPORTED: [{ keyType: 'ed25519' }],
  CERT_UNREADABLE: [{}],
  CERT_EXPIRED: [{ notAfter: '2021-01-01T00:00:00.000Z' }],
  CERT_NOT_YET_VALID: [{ notBefore: '2099-01-01T00:00:00.000Z' }],
  CERT_NOT_FOR_SIGNING: [{ reason: { why: 'keyUsage' } }, { reason: { why: 'purposes', purposes: ['1.3.6.1.5.5.7.3.1', '1.2.3.4'] } }],
  PKCS11_MODULE_MISSING: [
    { modulePath: '/usr/lib/x.so', reason: { why: 'subsystem', detail: 'dlopen' } },
    { modulePath: '/usr/lib/x.so', reason: { why: 'fileMissing' } },
    { modulePath: '/usr/lib/x.so', reason: { why: 'notPkcs11', detail: 'no symbol' } },
    { modulePath: '/usr/lib/x.so', reason: { why: 'initFailed', detail: 'CKR_GENERAL_ERROR' } },
  ],
  TOKEN_MISSING: [{}, { tokenLabel: 'Kita kortelė' }],
  PIN_INCORRECT: [{ finalTry: false }, { finalTry: true }],
  PIN_LOCKED: [{}],
  PIN_EXPIRED: [{}],
  KEY_NOT_FOUND: [{}, { keyLabel: 'parašas' }],
  TSA_UNREACHABLE: [
    { url: 'http://tsa.example', reason: { why: 'badAddress' } },
    { url: 'http://tsa.example', reason: { why: 'scheme' } },
    { url: 'http://tsa.example', reason: { why: 'timeout', seconds: 0.5 } },
    { url: 'http://tsa.example', reason: { why: 'connectionRefused' } },
    { url: 'http://tsa.example', reason: { why: 'hostNotFound' } },
    { url: 'http://tsa.example', reason: { why: 'connection', detail: 'ECONNRESET' } },
  ],
  TSA_REFUSED: [
    { url: 'http://tsa.example', reason: { why: 'tooLarge' } },
    { url: 'http://tsa.example', reason: { why: 'http', status: 503 } },
    { url: 'http://tsa.example', reason: { why: 'notTimestamp' } },
    { url: 'http://tsa.example', reason: { why: 'noToken' } },
    { url: 'http://tsa.example', reason: { why: 'status', status: 2, text: 'badAlg' } },
    { url: 'http://tsa.example', reason: { why: 'status', status: 9, text: '' } },
    { url: 'http://tsa.example', reason: { why: 'nonce' } },
    { url: 'http://tsa.example', reason: { why: 'imprint' } },
    { url: 'http://tsa.example', reason: { why: 'signature' } },
  ],
  SIGNING_FAILED: [
    { reason: { why: 'noSpace' } },
    { reason: { why: 'checkFailed' } },
    { reason: { why: 'error', detail: 'boom' } },
    { reason: { why: 'keyMismatch' } },
    { reason: { why: 'digest' } },
    { reason: { why: 'card', detail: 'CKR_DEVICE_ERROR' } },
    { reason: { why: 'cardSessionClosed' } },
    { reason: { why: 'fileClosed' } },
  ],
  NOT_OUR_DOCUMENT: [{}],
  PDF_UNREADABLE: [{}],
  PDF_TOO_COMPLEX: [
    { limit: 1000, counted: 'byteRanges' },
    { limit: 100, counted: 'signatures' },
  ],
  CRL_UNREADABLE: [{}],
  CRL_TOO_LARGE: [{ maxMegabytes: 20 }],
  CRL_NO_NEXT_UPDATE: [{ issuer: 'CN=Demo CA' }],
  CRL_EXPIRED: [{ issuer: 'CN=Demo CA', nextUpdate: '2026-01-01T00:00:00.000Z' }],
  CRL_NOT_YET_VALID: [{}],
  CRL_SIGNATURE_INVALID: [{ issuer: 'CN=Demo CA' }],
  CRL_ISSUER_UNTRUSTED: [{ issuer: 'CN=Demo CA' }],
  CRL_EXISTS: [{}],
  CRL_NOT_FOUND: [{ id: 'crl1' }],
  STALE_REVISION: [
    { kind: 'settings', revision: 2, changed: ['institution.name'] },
    { kind: 'user', id: 'u1', revision: 3, changed: ['displayName'] },
    { kind: 'meeting', id: 'm1', caseId: 'c1', changed: ['evaluation.11.3.findings'], current: { findings: 'A: du paskatinimai.', assessment: null } },
  ],
  WRONG_CREDENTIALS: [{}, { attemptsLeft: 2 }],
  ACCOUNT_LOCKED: [{ lockedUntil: '2026-11-23T10:15:00.000Z', time: '12:15', after: 5 }],
  UNAUTHENTICATED: [{}],
  SESSION_LOCKED: [{}],
  PASSWORD_CHANGE_REQUIRED: [{}],
  FORBIDDEN: [{ method: 'cases.register' }],
  PASSWORD_UNCHANGED: [{ fields: [{ path: 'newPassword', key: 'passwordUnchanged' }] }],
  ALREADY_SET_UP: [{}],
  USERS_MISSING: [{}],
  USER_NOT_FOUND: [{ id: 'u9' }],
  USERNAME_TAKEN: [{ username: 'sekretore', fields: [{ path: 'username', key: 'usernameTaken' }] }],
  LAST_ADMINISTRATOR: [{}],
  SELF_DEACTIVATION: [{}],
  UNKNOWN_METHOD: [{ method: 'cases.delete' }],
  INTERNAL: [{}],
  OS_SECRET_STORE_UNAVAILABLE: [{ reason: 'encryption' }, { reason: 'noPasswordService' }],
  INVALID_TODAY: [{ value: 'rytoj' }],
  DATA_DIR_MISSING: [{}],
  INVALID_PORT: [{ value: '70000' }],
  CLI_ARGUMENT: [
    { why: 'fileMissing', option: '--trust' },
    { why: 'unknownOption', option: '--x' },
    { why: 'oneFile' },
    { why: 'noFile' },
    { why: 'noTrustedCertificates' },
    { why: 'listWithoutOperator' },
  ],
  FILE_UNREADABLE: [{ path: '/nėra.pdf', code: 'ENOENT' }],
  INVALID_COUNT: [{}],
  PASSPHRASE_CANCELLED: [{}],
  PASSPHRASE_MISMATCH: [{}],
  KEY_REQUIRED: [{ why: 'noTerminal' }, { why: 'notGiven' }],
  DEMO_NOT_EMPTY: [{}],
  DEMO_MEETING: [
    { date: '2026-11-20', problem: 'outcomes' },
    { date: '2026-11-20', problem: 'notAdopted' },
  ],
  DEMO_STATE: [{ state: 'listed', expected: 'transferred' }],
  DISK_FULL: SUBJECTS.map((subject) => ({ subject })),
  STORAGE_NO_ACCESS: SUBJECTS.map((subject) => ({ subject })),
  STORAGE_WRITE_FAILED: [...SUBJECTS.map((subject) => ({ subject, code: 'EIO' })), { subject: 'caseStep' }],
  CASE_NOT_FOUND: [{ id: 'c1' }],
  CASE_DAMAGED: [
    { id: 'c1', reason: { why: 'sealed', problem: 'notEncrypted' } },
    { id: 'c1', reason: { why: 'sealed', problem: 'notAuthentic' } },
    { id: 'c1', reason: { why: 'json' } },
    { id: 'c1', reason: { why: 'io', code: 'EISDIR' } },
    { id: 'c1', reason: { why: 'structure', where: 'state' } },
    { id: 'c1', reason: { why: 'idMismatch' } },
    { id: 'c1', reason: { why: 'unreadable', detail: 'Error: boom' } },
  ],
  MEETING_NOT_FOUND: [{ id: 'm1' }],
  MEETING_DAMAGED: [{ id: 'm1' }],
  DOCUMENT_RECORD_DAMAGED: [{ id: 'g1' }],
  DOCUMENT_MISSING: [{ sha256: 'ab12' }],
  DOCUMENT_NOT_AUTHENTIC: [{ sha256: 'ab12' }],
  REGISTER_DAMAGED: [{}],
  COMMISSION_DAMAGED: [{}],
  SETTINGS_DAMAGED: [{}],
  REVOCATION_DAMAGED: [{}],
  USERS_DAMAGED: [{}],
  DATA_DIR_UNAVAILABLE: [{ root: '/duomenys', code: 'EACCES' }],
  DATA_DIR_LOCKED: [
    { lockPath: '/duomenys/pusiaukele.lock' },
    { lockPath: '/duomenys/pusiaukele.lock', host: 'kompiuteris', pid: 4242, since: '2026-11-23T08:00:00.000Z' },
    { lockPath: '/duomenys/pusiaukele.lock', host: 'kompiuteris', pid: 4242, since: '2026-11-23T08:00:00.000Z', user: 'ona', heartbeatAt: '2026-11-23T08:05:00.000Z' },
    { lockPath: '/duomenys/pusiaukele.lock', host: 'kitas', pid: 4242, since: '2026-11-23T08:00:00.000Z', user: 'ona', heartbeatAt: '2026-11-23T08:05:00.000Z', otherComputer: true },
  ],
  DATA_DIR_NEWER: [{ schemaVersion: 3, supported: 2 }],
  DATA_DIR_FOREIGN: [{ root: '/home/ona' }],
  DATA_NOT_ENCRYPTED: [{}],
  DATA_NOT_AUTHENTIC: [{}],
  KEY_FILE_DAMAGED: [{ path: '/duomenys/keys.json' }],
  KEY_FILE_MISSING: [{ path: '/duomenys/keys.json' }],
  KEY_NOT_AVAILABLE: [{ why: 'keptBySecretStore' }, { why: 'keptByPassphrase' }, { why: 'otherSecretStore' }],
  WRONG_PASSPHRASE: [{}],
  PASSPHRASE_TOO_SHORT: [{ min: 10 }],
  // Issue 16: the data key's slots.
  RECOVERY_KEY_MALFORMED: [{ groups: 8, digits: 6 }],
  RECOVERY_KEY_MISTYPED: [{ group: 3 }],
  WRONG_RECOVERY_KEY: [{}],
  RECOVERY_KEY_NOT_FOR_NEW_DIRECTORY: [{}],
  KEY_FILE_REPLACED: [{}],
  KEY_SLOT_UNKNOWN: [{ id: 'a1b2c3d4e5f6' }],
  KEY_SLOT_LAST: [{}],
  STATISTICS_PERIOD_FUTURE: [{ from: '2027-01-01', today: '2026-11-23' }],
  ...TRUSTED_LIST_SAMPLES,
  ...LONG_TERM_SAMPLES,
  KEY_SLOT_OPENED_THIS_RUN: [{ id: 'a1b2c3d4e5f6' }],
  KEY_PROOF_NOT_THIS_WORKSTATION: [{}],
  KEY_WORKSTATION_UNAVAILABLE: [{}],
  KEY_WORKSTATION_ENROLLED: [{}],
  KEY_ENROL_NOT_OFFERED: [{}],
  DATA_KEY_LOCKED: [{ why: 'notEnrolled' }, { why: 'noSecretStore' }],
  DATA_KEY_ALREADY_OPEN: [{}],
  WRONG_COMMISSION: [
    { to: 'dossier_received', route: 'sends' },
    { to: 'dossier_sent', route: 'own' },
    { to: 'dossier_sent', route: 'other' },
  ],
  STEP_BY_DOCUMENT: [
    { to: 'transfer_ordered', kind: 'order', point: '13' },
    { to: 'refused', kind: 'declineDecision', point: '15' },
    { to: 'submitted_to_department', kind: 'submission', point: '14' },
    { to: 'returned', kind: 'returnDecision', point: '46' },
  ],
  STEP_BY_RECEIVED_ACT: [
    { to: 'transfer_ordered', kind: 'departmentResolution', point: '17' },
    { to: 'refused', kind: 'departmentRefusal', point: '18' },
  ],
  STEP_BY_RECORD: [
    { to: 'transferred', means: 'arrival' },
    { to: 'left', means: 'departure' },
    { to: 'listed', means: 'system' },
  ],
  DOSSIER_MISSING_CONFIRM: [{ missing: [{ item: '6.2', lt: 'Socialinio tyrimo išvada', en: 'Social investigation conclusion' }, { item: '6.10', lt: 'Asmens dokumentas', en: 'Identity document' }] }],
  NO_FREE_PLACE: [
    { on: '2026-11-20', capacity: 10, occupied: 9, reserved: 1 },
    { on: '2026-11-20', capacity: 10, occupied: 10, reserved: 0, step: 'arrival' },
    { on: '2026-11-20', capacity: 10, occupied: 9, reserved: 1, step: 'reopening' },
    { on: '2026-11-20', capacity: 10, occupied: 9, reserved: 1, step: 'correction' },
  ],
  PASS_OVER_REASON_REQUIRED: [{ earlier: [{ caseId: 'c1', firstName: 'Jonas', lastName: 'Jonaitis', requestDate: '2026-11-02' }] }],
  ACT_NOT_EXPECTED: [
    { kind: 'departmentResolution', state: 'listed' },
    { kind: 'otherOutcome', state: 'dossier_sent', why: 'recorded' },
  ],
  // V-77 p. 7–8, 21–23: the departure to another institution's halfway house.
  TRANSFER_OUT_NOT_EXPECTED: [
    { why: 'route', state: 'listed' },
    { why: 'notGranted', state: 'dossier_sent' },
    { why: 'recorded', state: 'dossier_sent' },
  ],
  REOPEN_OTHER_OPEN: [{ other: { caseId: 'c2', requestDate: '2026-11-02', state: 'dossier_collecting' }, to: 'listed' }],
  ACT_NOT_FOUND: [{ caseId: 'c1', actId: 'a1' }],
  APPEAL_NOT_FOUND: [{ appealId: 'ap1' }],
  APPEAL_DECIDED: [
    { appealId: 'ap1', outcome: 'upheld' },
    { appealId: 'ap1', outcome: 'dismissed' },
  ],
  APPEAL_NOT_ALLOWED: [
    { act: 'declineDecision', why: 'pending' },
    { act: 'order', why: 'notInForce' },
    { act: 'otherOutcome', why: 'notAppealable' },
  ],
  ARRIVAL_CHECKS_MISSING: [{ missing: ['identityChecked', 'searched'] }],
  NOTHING_TO_CORRECT: [{ state: 'decided' }],
  PLACE_NOT_FREED: [{ caseId: 'c1' }],
  NOT_IN_HALFWAY_HOUSE: [{ state: 'listed' }],
  NO_HALFWAY_HOUSE: [{}],
  // Issue 15: packages (shared/domain/errorTexts/packages.ts).
  PACKAGE_EXISTS: [{ path: '/archyvas/byla-2026-0042.zip' }],
  PACKAGE_CANCELLED: [{}],
  PACKAGE_WRITE_FAILED: [{ path: '/archyvas/byla.zip', code: 'ENOSPC' }, { path: '/archyvas/byla.zip', code: 'EACCES' }, { path: '/archyvas/byla.zip', code: 'EIO' }, { path: '/archyvas/byla.zip' }],
  PACKAGE_SOURCE_FAILED: [{ path: 'data/dossier/6.1/01-v1-Prašymas.pdf', code: 'EIO' }, { path: 'data/dossier/6.1/01-v1-Prašymas.pdf' }],
  PACKAGE_READ_FAILED: [{ code: 'ENOENT' }, { code: 'EACCES' }, { code: 'EIO' }, {}],
  PACKAGE_NOT_ZIP: [{}],
  PACKAGE_TRUNCATED: [{}],
  PACKAGE_TOO_LARGE: [{ bytes: 5 * 1024 ** 3 + 1, max: 4 * 1024 ** 3 }],
  PACKAGE_TOO_MANY_ENTRIES: [{ max: 100_000 }],
  PACKAGE_BOMB: [{ reason: 'total', max: 8 * 1024 ** 3 }, { reason: 'ratio', path: 'byla/data/a.pdf', max: 200 }, { reason: 'directory' }],
  PACKAGE_UNSAFE_PATH: [{ path: 'byla/../evil.txt' }],
  PACKAGE_SYMLINK: [{ path: 'byla/data/nuoroda' }],
  PACKAGE_DUPLICATE_NAME: [{ path: 'byla/data/A.pdf', found: 'byla/data/a.pdf' }, { path: 'byla/data/a.pdf' }],
  PACKAGE_NOT_A_BAG: [{ found: 'skaityk.txt' }, {}],
  PACKAGE_PASSWORD: [{ given: false }, { given: true }],
  PACKAGE_FILE_TOO_LARGE: [{ path: 'data/case.json', max: 64 * 1024 ** 2 }, { path: 'manifest-sha256.txt' }],
  PACKAGE_CORRUPT: [{}, { path: 'data/a.pdf' }],
  PACKAGE_SIZE_MISMATCH: [{ path: 'data/a.pdf', expected: '1000', found: '>1000' }],
  PACKAGE_NO_BAGIT_TXT: [{}],
  PACKAGE_BAD_BAGIT_TXT: [{ path: 'bagit.txt', found: 'BagIt-Version: 2.0' }, { path: 'bagit.txt' }],
  PACKAGE_BAD_BAG_INFO: [{ path: 'bag-info.txt', found: 'eilutė be dvitaškio' }],
  PACKAGE_NO_PAYLOAD: [{}],
  PACKAGE_NO_MANIFEST: [{}],
  PACKAGE_NO_TAG_MANIFEST: [{}],
  PACKAGE_BAD_MANIFEST: [{ path: 'manifest-sha256.txt', found: 'ne kontrolinė suma' }],
  PACKAGE_UNSUPPORTED_MANIFEST: [{ path: 'manifest-blake3.txt' }],
  PACKAGE_MISSING_FILE: [{ path: 'data/a.pdf' }],
  PACKAGE_EXTRA_FILE: [{ path: 'data/b.pdf' }],
  PACKAGE_HASH_MISMATCH: [{ path: 'data/a.pdf', expected: 'a'.repeat(64), found: 'b'.repeat(64) }],
  PACKAGE_OXUM_MISMATCH: [{ path: 'bag-info.txt', expected: '1000.3', found: '900.2' }],
  // Issue 16: the browser host's refusals (shared/domain/errorTexts/host.ts).
  REQUEST_TOO_LARGE: [{ maxBytes: 501 * 1024 * 1024 }],
  REQUEST_TOO_SLOW: [{}],
  REQUEST_PATH_INVALID: [{}],
  REQUEST_CALL_INVALID: [{}],
  REQUEST_METHOD_HEADER_MISSING: [{}],
  REQUEST_METHOD_MISMATCH: [{ header: 'auth.status', body: 'auth.login' }],
  UPLOADS_BUSY: [{ retryAfterSeconds: 5 }],
  SIGN_IN_RATE_LIMITED: [{ retryAfterSeconds: 42 }],
  // Issue 15: backups (shared/domain/errorTexts/backup.ts).
  BACKUP_DIRECTORY_NOT_HELD: [{ root: '/srv/p' }],
  DATA_DIR_NO_SPACE: [{ root: '/duomenys', why: 'create' }, { root: '/duomenys', why: 'upgrade' }],
  PKCS11_MODULE_NOT_ABSOLUTE: [{ modulePath: 'opensc-pkcs11.so' }],
  PKCS11_MODULE_OUTSIDE_SYSTEM: [
    { modulePath: '/tmp/x.so', resolved: '/tmp/x.so', allowed: '/usr/lib, /lib' },
    { modulePath: '/usr/lib/x.so', resolved: '/tmp/x.so', allowed: '/usr/lib, /lib' },
  ],
  PKCS11_MODULE_NOT_FILE: [{ modulePath: '/usr/lib', resolved: '/usr/lib' }],
  PKCS11_MODULE_WRITABLE: [
    { modulePath: '/usr/lib/x.so', path: '/usr/lib/x.so', by: 'owner' },
    { modulePath: '/usr/lib/x.so', path: '/usr/lib', by: 'group' },
    { modulePath: '/usr/lib/x.so', path: '/usr/lib', by: 'others' },
  ],
  MODULE_PASSWORD_REQUIRED: [{ fields: [{ path: 'modulePassword', key: 'required' }] }],
  MODULE_PASSWORD_WRONG: [
    { attemptsLeft: 3, fields: [{ path: 'modulePassword', key: 'invalid' }] },
    { attemptsLeft: 0, fields: [{ path: 'modulePassword', key: 'invalid' }] },
  ],
  PKCS11_TIMEOUT: [{ seconds: 120 }],
  PKCS11_WORKER_FAILED: [{ why: 'exited' }, { why: 'protocol' }, { why: 'start' }],
  DATA_DIR_LOCK_LOST: [{ root: '/duomenys' }],
  DATA_ROLLED_BACK: [{ path: 'users.json', expected: 12, found: 7 }],
  DATA_INTEGRITY_READ_ONLY: [{ problems: ['audit/audit.log: veiksmų žurnalas sutrumpintas'] }],
  USERS_ROLLED_BACK: [{ problems: ['users.json: grąžinta senesnė failo versija'] }],
  BACKUP_OUT_INSIDE_DATA: [{ out: '/srv/p/k.zip', root: '/srv/p' }],
  BACKUP_SOURCE_CHANGED: [{ root: '/srv/p', attempts: 3 }],
  BACKUP_TARGET_NOT_EMPTY: [{ target: '/srv/a' }],
  BACKUP_TARGET_NOT_FOLDER: [{ target: '/srv/a' }],
  BACKUP_INVALID: [
    { file: 'k.zip', count: 2, code: 'PACKAGE_HASH_MISMATCH', path: 'data/cases/x.json', expected: 'a'.repeat(64), found: 'b'.repeat(64) },
    { file: 'k.zip', count: 1, code: 'BACKUP_NOT_LABELLED', path: 'bag-info.txt' },
  ],
  BACKUP_NO_SPACE: [{ target: '/srv/a', needed: 2 * 1024 ** 3, available: 1024 ** 3 }],
  BACKUP_WRITE_FAILED: [{ target: '/srv/a', code: 'ENOSPC' }, { target: '/srv/a', code: 'EACCES' }],
  BACKUP_CHANGED_WHILE_RESTORING: [{ file: 'k.zip', path: 'data/cases/x.json' }],
  BACKUP_NOT_LABELLED: [{ path: 'bag-info.txt' }],
  BACKUP_VERSION_UNKNOWN: [{ path: 'bag-info.txt', expected: '1', found: '2' }],
  BACKUP_DESCRIPTOR_MISSING: [{ path: 'data/pusiaukele.json' }],
  BACKUP_SCHEMA_NEWER: [{ path: 'data/pusiaukele.json', expected: '2', found: '3' }],
  BACKUP_KEYS_MISSING: [{ path: 'data/keys.json' }],
  BACKUP_FOREIGN_FILE: [{ path: 'data/x.txt' }],
  // Issue 15: the archivist's desk (shared/domain/errorTexts/archive.ts).
  ARCHIVE_CASE_EXISTS: [{ caseId: 'c0ffee00-0000-4000-8000-000000000001' }],
  ARCHIVE_NOT_IMPORTABLE: [{ sha256: 'a'.repeat(64) }],
  ARCHIVE_STAGE_GONE: [{}],
  ARCHIVE_CASE_OPEN: [{ found: 'listed' }],
  ARCHIVE_NOT_SENDABLE: [
    { caseId: 'c1', state: 'dossier_collecting', route: 'own' },
    { caseId: 'c1', state: 'dossier_sent', route: 'sends' },
  ],
  ARCHIVE_CONTENT_CHANGED: [{ path: 'data/dossier/6.1/01-v1-Prašymas.pdf' }],
  ARCHIVE_AUDIT_PROOF: [{}],
  ARCHIVE_AUDIT_DIFFERS: [{}],
  ARCHIVE_RECORD_FILE_MISSING: [{ path: 'data/documents/01-V-12-v1.pdf' }, {}],
  ARCHIVE_RECORD_INVALID: [{ path: 'data/case.json', found: 'case.state' }, { path: 'data/case.json' }],
  ARCHIVE_NOT_CASE: [{ path: 'data/case.json' }],
  ARCHIVE_SCHEMA_VERSION: [{ path: 'data/case.json', expected: '1', found: '2' }],
  ARCHIVE_RECORD_MISMATCH: [{ path: 'data/dossier/6.2/01-v1-Išvada.pdf', expected: 'a'.repeat(64), found: 'b'.repeat(64) }],
  ARCHIVE_UNNAMED_FILE: [{ path: 'data/kitas.txt' }],
  ARCHIVE_SIGNATURE_FAILED: [{ path: 'data/documents/01-V-12-v2.pdf' }],
  ARCHIVE_SIGNATURE_MISSING: [{ path: 'data/documents/01-V-12-v2.pdf', expected: '1', found: '0' }],
  ARCHIVE_KIND_NOT_YOURS: [{ found: 'case' }, { found: 'dossier' }],
  ARCHIVE_CONVICT_HAS_CASE: [{ found: 'c2' }],
  ARCHIVE_NO_HALFWAY_HOUSE: [{}],
  ARCHIVE_SENDER_UNKNOWN: [{ found: 'Marijampolės pataisos namai' }],
  ARCHIVE_CLI_OPTION: [{ option: '--protect' }, { option: '--closed-in' }, { option: '--user' }, { option: '--out' }],
  ARCHIVE_CLI_SIGN_IN: [{ code: 'FORBIDDEN' }],
};

const codes = Object.keys(ERROR_TEXTS) as ErrorCode[];

function render<C extends ErrorCode>(code: C, params: ErrorParams<C>) {
  return { lt: errorText(code, params, 'lt'), en: errorText(code, params, 'en') };
}

describe('the error catalogue (shared/domain/errorTexts)', () => {
  it('has each code in exactly one of its parts', () => {
    const all = Object.values(ERROR_TEXT_PARTS).flatMap((part) => Object.keys(part));
    expect(all.length).toBe(new Set(all).size);
    expect(new Set(all)).toEqual(new Set(codes));
  });

  it.each(codes)('%s: a Lithuanian and an English text for every variant of its parameters', (code) => {
    const samples = SAMPLES[code] as readonly ErrorParams<typeof code>[];
    expect(samples.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const params of samples) {
      const { lt, en } = render(code, params);
      for (const text of [lt, en]) {
        expect(text, code).toMatch(/\S/);
        expect(text, code).not.toMatch(/undefined|\[object Object\]|NaN|\{\w+\}/);
        expect(text.trim(), code).toBe(text);
      }
      expect(lt, `${code}: the two languages differ`).not.toBe(en);
      seen.add(lt);
    }
    // Each sample stands for a variant: the samples of a code give different texts.
    expect(seen.size, code).toBe(samples.length);
  });

  it('keeps the texts the users know', () => {
    expect(render('CASE_CHANGED', { id: 'c1', revision: 2 })).toEqual({
      lt: 'Byla ką tik pakeista kitame lange ar kito naudotojo. Atnaujinkite bylą ir pakartokite veiksmą.',
      en: 'The case was just changed in another window or by another user. Reload it and try again.',
    });
    expect(render('ILLEGAL_TRANSITION', { from: 'listed', to: 'transfer_ordered', decision: '10.3', gate: { decisions: ['10.1'], point: '13' } }).lt).toBe(
      'Žingsnis „Perkėlimas nuspręstas“ galimas tik po komisijos sprendimo 10.1 (V-77 13 p.), o šioje byloje priimtas sprendimas 10.3.',
    );
    expect(render('MEETING_STATE', { state: 'closed', action: 'changeRecords' }).lt).toBe('Posėdis baigtas, todėl negalima keisti jo įrašų.');
    expect(render('FILE_TOO_LARGE', { file: 'a.pdf', size: 50 * 1024 * 1024 + 8000, limit: 50 * 1024 * 1024 }).lt).toContain('per didelis: 50,01 MB, o leidžiama ne daugiau kaip 50 MB.');
    expect(render('CERT_EXPIRED', { notAfter: '2021-01-01T00:00:00.000Z' }).lt).toBe('Sertifikato galiojimas baigėsi 2021-01-01 02:00. Pasirašykite galiojančiu sertifikatu.');
    expect(render('INVALID_INPUT', { fields: [{ path: 'on', key: 'date' }] })).toEqual({
      lt: 'Neteisingi duomenys. Data: Įveskite tikrą datą (MMMM-MM-DD).',
      en: 'Invalid data. Date: Enter a real date (YYYY-MM-DD).',
    });
    expect(render('INVALID_INPUT', { fields: [{ path: 'on', key: 'dateOrder' }], about: { why: 'stepDate', notBefore: '2026-11-05' } }).lt).toBe(
      'Žingsnio data negali būti ankstesnė už ankstesnio žingsnio datą (2026-11-05).',
    );
    // STALE_REVISION: each record's own wording, chosen by its kind.
    expect(render('STALE_REVISION', { kind: 'settings', revision: 2, changed: [] })).toEqual({
      lt: 'Nustatymus ką tik pakeitė kitas naudotojas arba kitas langas. Peržiūrėkite pakeitimus ir išsaugokite dar kartą.',
      en: 'The settings were just changed by another user or in another window. Review the changes and save again.',
    });
    expect(render('STALE_REVISION', { kind: 'user', id: 'u1', revision: 2, changed: [] })).toEqual({
      lt: 'Šią naudotojo paskyrą ką tik pakeitė kitas naudotojas arba kitas langas. Peržiūrėkite pakeitimus ir išsaugokite dar kartą.',
      en: 'This user account was just changed by another user or in another window. Review the changes and save again.',
    });
    expect(render('STALE_REVISION', { kind: 'meeting', id: 'm1', caseId: 'c1', changed: [], current: {} })).toEqual({
      lt: 'Šiuos posėdžio įrašus ką tik pakeitė kitas naudotojas arba kitas langas. Jūsų pakeitimas neišsaugotas: peržiūrėkite naują įrašą ir, jei reikia, pakeiskite jį dar kartą.',
      en: 'These meeting records were just changed by another user or in another window. Your change was not saved: look at the new record and change it again if needed.',
    });
    expect(render('WRONG_CREDENTIALS', { attemptsLeft: 2 })).toEqual({
      lt: 'Neteisingas naudotojo vardas arba slaptažodis. Liko bandymų: 2.',
      en: 'Wrong user name or password. Attempts left: 2.',
    });
    expect(render('ACCOUNT_LOCKED', { lockedUntil: '2026-11-23T10:15:00.000Z', time: '12:15', after: 5 }).lt).toBe(
      'Paskyra laikinai užrakinta po 5 neteisingų slaptažodžių. Bandykite vėl po 12:15 arba kreipkitės į administratorių.',
    );
    // The stores: what a failed write names, and why a case file cannot be read.
    expect(render('DISK_FULL', { subject: 'caseStep' })).toEqual({
      lt: 'Diske nebėra vietos, todėl neįrašyta: bylos žingsnis. Ankstesni duomenys nepakeisti. Atlaisvinkite vietos ir pakartokite.',
      en: 'The disk is full: the step of the case was not saved. Earlier data is unchanged. Free some space and try again.',
    });
    expect(render('STORAGE_WRITE_FAILED', { subject: 'dossier' })).toEqual({
      lt: 'Nepavyko įrašyti (nežinoma priežastis): bylos medžiaga. Ankstesni duomenys nepakeisti.',
      en: 'Could not save (unknown reason): the dossier was not saved. Earlier data is unchanged.',
    });
    expect(render('CASE_DAMAGED', { id: 'c1', reason: { why: 'sealed', problem: 'notAuthentic' } }).lt).toBe(
      'Bylos failas sugadintas: failas neperskaitomas: šifruotas turinys pakeistas arba sugadintas, arba failas atkeltas iš kitos vietos (nepraėjo vientisumo patikros). Byla neatidaroma ir nekeičiama, kad nebūtų prarasta tai, kas joje liko; kitos bylos veikia. Kreipkitės į administratorių (failas cases/c1.json).',
    );
    expect(render('DATA_NOT_AUTHENTIC', {}).en).toBe('The file cannot be read: the encrypted content was altered or damaged, or the file was moved here from another place (it failed the integrity check).');
    expect(render('DATA_DIR_LOCKED', { lockPath: '/d/pusiaukele.lock', host: 'pc', pid: 7, since: '2026-11-23T08:00:00.000Z' }).lt).toContain(
      'Šį duomenų katalogą jau naudoja kita atidaryta programa (pc, procesas 7, nuo 2026-11-23T08:00:00.000Z).',
    );
    // DOCUMENT_NOT_FOUND and KEY_REQUIRED: one code, the wording chosen by a parameter.
    expect(render('DOCUMENT_NOT_FOUND', { documentId: 'g1', generated: true })).toEqual({ lt: 'Tokio dokumento nėra.', en: 'There is no such document.' });
    expect(render('DOCUMENT_NOT_FOUND', { documentId: 'd1' })).toEqual({ lt: 'Tokio dokumento šioje byloje nėra.', en: 'There is no such document in this case.' });
    expect(render('KEY_REQUIRED', { why: 'notGiven' }).lt).toBe('Duomenys šifruojami, todėl reikia slaptafrazės: nurodykite ją aplinkos kintamajame PUSIAUKELE_PASSPHRASE.');
  });

  it('V-77 p. 19, 51: REOPEN_OTHER_OPEN names the other open request of the convict (its date and state) and what to do; NO_FREE_PLACE says what waits for the place', () => {
    const other = render('REOPEN_OTHER_OPEN', { other: { caseId: 'c2', requestDate: '2026-11-02', state: 'dossier_collecting' }, to: 'listed' });
    expect(other.lt).toContain('pateiktas 2026-11-02, būsena „Renkama medžiaga“');
    expect(other.lt).toContain('pirmiausia užbaikite vieną iš jų');
    expect(other.en).toContain('filed 2026-11-02');
    expect(render('NO_FREE_PLACE', { on: '2026-11-20', capacity: 1, occupied: 1, reserved: 0, step: 'reopening' }).lt).toContain('tada užregistruokite skundo baigtį (V-77 51 p.)');
    expect(render('NO_FREE_PLACE', { on: '2026-11-20', capacity: 1, occupied: 1, reserved: 0 }).lt).toContain('Dokumentas parengiamas, kai vieta atsilaisvina.');
    expect(render('ACT_NOT_EXPECTED', { kind: 'otherOutcome', state: 'dossier_sent', why: 'recorded' }).lt).toContain('jau užregistruotas');
    // V-77 p. 8, 21: the departure waits for the other institution's decision granting the request.
    expect(render('TRANSFER_OUT_NOT_EXPECTED', { why: 'notGranted', state: 'dossier_sent' }).lt).toContain('sprendimas patenkinti prašymą');
    expect(render('TRANSFER_OUT_NOT_EXPECTED', { why: 'route', state: 'listed' }).lt).toContain('„Įrašyta į sąrašą“');
  });

  it('knows its codes, and makes no text of what it does not know', () => {
    expect(isErrorCode('CASE_CHANGED')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(textOfError('NO_SUCH_CODE', {}, 'lt')).toBeNull();
    expect(textOfError('CASE_CHANGED', null, 'lt')).toBeNull();
    expect(textOfError('ILLEGAL_TRANSITION', { from: 'nowhere', to: 'nowhere' }, 'lt')).toBeNull(); // parameters that make no text
    expect(textOfError('CASE_CHANGED', { id: 'c1', revision: 2 }, 'en')).toBe(render('CASE_CHANGED', { id: 'c1', revision: 2 }).en);
  });
});

describe('DomainError takes its texts from the catalogue', () => {
  it('its message is the Lithuanian text, messageEn the English, params the data', () => {
    const e = new DomainError('CASE_CHANGED', { id: 'c1', revision: 2 });
    expect(e.message).toBe(render('CASE_CHANGED', { id: 'c1', revision: 2 }).lt);
    expect(e.messageEn).toBe(render('CASE_CHANGED', { id: 'c1', revision: 2 }).en);
    expect(e.params).toEqual({ id: 'c1', revision: 2 });
    expect(new DomainError('SETUP_REQUIRED').params).toEqual({});
  });

  it('a field refusal carries its fields, and says why in its own words', () => {
    const e = fieldError('note', 'required', { why: 'stepReason', to: 'withdrawn' });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.params).toMatchObject({ fields: [{ path: 'note', key: 'required' }] });
    expect(e.message).toBe('Nurodykite priežastį: žingsnis „Prašymas atsiimtas“ turi būti motyvuotas.');
  });

  it('an error that came as data is thrown again with its texts as they came', () => {
    const e = errorFromData({ code: 'SOMETHING_NEW', message: 'Kažkas nauja.', messageEn: 'Something new.' });
    expect([e.code, e.message, e.messageEn, e.params]).toEqual(['SOMETHING_NEW', 'Kažkas nauja.', 'Something new.', undefined]);
    expect(errorFromData({ code: 'CASE_CHANGED', message: 'x', params: { id: 'c1', revision: 2 } }).params).toEqual({ id: 'c1', revision: 2 });
  });
});

/** Handlers for the methods a test exercises; any other answers as not reached. */
function handlers(partial: Partial<Handlers>): Handlers {
  return new Proxy(partial, {
    get: (target, name: string) =>
      target[name as keyof Handlers] ??
      (async () => {
        throw new Error(`${name} not expected`);
      }),
  }) as Handlers;
}
const open: Guard = () => ({ user: null });

describe('the dispatcher sends the code, its parameters and both texts from the catalogue', () => {
  it('for a refusal of the service', async () => {
    const dispatch = createDispatcher(
      handlers({
        'cases.get': async () => {
          throw new DomainError('CASE_CHANGED', { id: 'c1', revision: 2 });
        },
      }),
      open,
    );
    expect(await dispatch('cases.get', { id: 'c1' })).toEqual({
      ok: false,
      error: { code: 'CASE_CHANGED', params: { id: 'c1', revision: 2 }, ...messages('CASE_CHANGED', { id: 'c1', revision: 2 }) },
    });
  });

  it('for input the schema refuses: the fields, in params and (for the forms) in details', async () => {
    const result = await createDispatcher(handlers({}), open)('cases.transition', { id: 'x', revision: 1, to: 'dossier_collecting', on: '2026-02-30' });
    if (result.ok) throw new Error('expected a refusal');
    const fields = [{ path: 'on', key: 'date' }];
    expect(result.error).toEqual({ code: 'INVALID_INPUT', params: { fields }, details: { fields }, ...messages('INVALID_INPUT', { fields }) });
  });

  it('for an unknown method and an internal failure', async () => {
    const dispatch = createDispatcher(
      handlers({
        'app.info': async () => {
          throw new TypeError('internals');
        },
      }),
      open,
      () => {},
    );
    expect(await dispatch('cases.delete', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', params: { method: 'cases.delete' }, ...messages('UNKNOWN_METHOD', { method: 'cases.delete' }) } });
    expect(await dispatch('app.info', {})).toEqual({ ok: false, error: { code: 'INTERNAL', params: {}, ...messages('INTERNAL', {}) } });
  });
});

function messages<C extends ErrorCode>(code: C, params: ErrorParams<C>) {
  const { lt, en } = render(code, params);
  return { message: lt, messageEn: en };
}

describe('the renderer shows the catalogue’s text by code and parameters', () => {
  it('in the UI language, whatever message came along', () => {
    const error = new ApiError({ code: 'MEETING_NOT_YET', params: { date: '2026-12-01' }, message: 'kita', messageEn: 'other' });
    expect(error.text('lt')).toBe(render('MEETING_NOT_YET', { date: '2026-12-01' }).lt);
    expect(error.text('en')).toBe(render('MEETING_NOT_YET', { date: '2026-12-01' }).en);
  });

  it('falls back to the message the back end sent for a code it does not know, or an error without parameters', () => {
    expect(new ApiError({ code: 'SOMETHING_NEW', params: {}, message: 'Nauja.', messageEn: 'New.' }).text('en')).toBe('New.');
    expect(new ApiError({ code: 'CASE_NOT_FOUND', message: 'Byla nerasta.', messageEn: 'Case not found.' }).text('lt')).toBe('Byla nerasta.');
  });

  it('reads the refused fields from the parameters, or from an old-form error’s details', () => {
    const fields = [{ path: 'note', key: 'required' }];
    expect(new ApiError({ code: 'INVALID_INPUT', params: { fields }, message: '' }).fields).toEqual(fields);
    expect(new ApiError({ code: 'INVALID_INPUT', details: { fields }, message: '' }).fields).toEqual(fields);
  });
});

// ---------------------------------------------------------------------------------------------------
// Every code the back end throws has an entry; every entry is thrown somewhere.

const SOURCE_FOLDERS = ['electron', 'shared'];
const CATALOGUE = 'shared/domain/errorTexts/';

async function sources(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (/\.tsx?$/.test(entry.name)) out.push({ path, text: await readFile(join(ROOT, path), 'utf8') });
  }
  return out;
}

/** The codes of `new DomainError(code, params?)` / `new SigningError(…)` calls in the new form written as literals. */
function thrownCodes(path: string, text: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /^(Domain|Signing)Error$/.test(node.expression.text)) {
      const [code, ...rest] = node.arguments ?? [];
      if (code && ts.isStringLiteralLike(code) && rest.length <= 1 && !(rest[0] && ts.isStringLiteralLike(rest[0]))) found.push(code.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the catalogue and the back end agree', () => {
  it('every code thrown in the new form has an entry', async () => {
    const files = (await Promise.all(SOURCE_FOLDERS.map((f) => sources(f)))).flat();
    const missing = files.flatMap(({ path, text }) => thrownCodes(path, text).filter((c) => !isErrorCode(c)).map((c) => `${path}: ${c}`));
    expect(missing).toEqual([]);
  });

  it('no entry is unused: each code is written somewhere in the back end besides the catalogue', async () => {
    const files = (await Promise.all(SOURCE_FOLDERS.map((f) => sources(f)))).flat().filter((f) => !f.path.startsWith(CATALOGUE));
    const literals = new Set<string>();
    for (const { path, text } of files) {
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteralLike(node)) literals.add(node.text);
        ts.forEachChild(node, visit);
      };
      visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false));
    }
    expect(codes.filter((c) => !literals.has(c))).toEqual([]);
  });
});

describe('sizes in the texts', () => {
  it('a whole number of megabytes keeps its zeros (issue 16: a 500 MB limit was shown as "5 MB")', async () => {
    const { formatMegabytes } = await import('../../../shared/domain/errorTexts/dossier');
    const MB = 1024 * 1024;
    expect(formatMegabytes(500 * MB, 'lt', 0)).toBe('500 MB');
    expect(formatMegabytes(10 * MB, 'en', 0)).toBe('10 MB');
    expect(formatMegabytes(50 * MB)).toBe('50 MB');
    expect(formatMegabytes(2.5 * MB)).toBe('2,5 MB');
    expect(formatMegabytes(2.5 * MB, 'en')).toBe('2.5 MB');
  });
});
