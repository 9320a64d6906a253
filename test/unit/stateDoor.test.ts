// Issue 13: a case's state and a meeting's state are set in one place each, the door in
// shared/domain (applyCaseStep / registeredCase, applyMeetingStep / plannedMeeting), which asserts
// the step against V-77's table. This test reads every back-end and shared source file and fails
// on any other code that sets a `state`: an object literal spreading a record and giving it a
// state, a literal state name given as `state`, or an assignment to `.state`.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CASE_STATES } from '../../shared/domain/caseStates';
import { MEETING_STATES } from '../../shared/domain/meetingStates';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOORS = new Set(['shared/domain/caseStates.ts', 'shared/domain/meetingStates.ts']);
const STATE_NAMES = new Set<string>([...CASE_STATES, ...MEETING_STATES]);

interface Finding {
  file: string;
  line: number;
  what: string;
}

function stateSetters(path: string, text: string): Finding[] {
  if (DOORS.has(path)) return [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const at = (node: ts.Node, what: string) => found.push({ file: path, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
  const isStateName = (name: ts.PropertyName) => (ts.isIdentifier(name) || ts.isStringLiteral(name)) && name.text === 'state';
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      // A record spread (`...record`, `...this.record`, `...load()`), not a conditional piece of a view.
      const spreads = node.properties.some((p) => ts.isSpreadAssignment(p) && !ts.isConditionalExpression(p.expression) && !ts.isParenthesizedExpression(p.expression) && !ts.isBinaryExpression(p.expression));
      for (const p of node.properties) {
        if (ts.isPropertyAssignment(p) && isStateName(p.name)) {
          const literal = ts.isStringLiteral(p.initializer) && STATE_NAMES.has(p.initializer.text);
          if (spreads) at(p, 'a record spread with a new state');
          else if (literal) at(p, `a literal state '${(p.initializer as ts.StringLiteral).text}'`);
        } else if (ts.isShorthandPropertyAssignment(p) && p.name.text === 'state' && spreads) {
          at(p, 'a record spread with a new state');
        }
      }
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = node.left;
      if ((ts.isPropertyAccessExpression(target) && target.name.text === 'state') || (ts.isElementAccessExpression(target) && ts.isStringLiteral(target.argumentExpression) && target.argumentExpression.text === 'state')) {
        at(node, 'an assignment to .state');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

async function sources(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(full)));
    else if (/\.tsx?$/.test(entry.name)) out.push({ path: relative(ROOT, full).split(sep).join('/'), text: await readFile(full, 'utf8') });
  }
  return out;
}

describe('the state door (issue 13)', () => {
  it('no back-end or shared code but the door sets a case or meeting state', async () => {
    const files = [...(await sources(join(ROOT, 'electron'))), ...(await sources(join(ROOT, 'shared')))];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => stateSetters(f.path, f.text))).toEqual([]);
  });

  it('finds each way of setting a state outside the door (the rule can fail)', () => {
    const offending = [
      "export const step = (record, to) => ({ ...record, state: to, revision: record.revision + 1 });",
      "export function close(m) { return { ...m, state }; }",
      "export const created = { id: 'x', state: 'request_received', timeline: [] };",
      "export const meeting = { id: 'm', state: 'cancelled' };",
      "export function force(record) { record.state = 'decided'; }",
      "export function force2(record) { record['state'] = 'open'; }",
    ];
    const found = offending.map((text, k) => stateSetters(`electron/services/x${k}.ts`, text).map((f) => f.what));
    expect(found).toEqual([
      ['a record spread with a new state'],
      ['a record spread with a new state'],
      ["a literal state 'request_received'"],
      ["a literal state 'cancelled'"],
      ['an assignment to .state'],
      ['an assignment to .state'],
    ]);
  });

  it('lets reading and showing a state through', () => {
    const allowed = [
      'export const view = (s) => ({ id: s.id, state: s.state });',
      "export const isOpen = (m) => m.state === 'open';",
      'export const unknown = { state: null };',
      "export const item = (s, c) => ({ id: s.id, ...(c.damaged !== undefined ? { damaged: c.damaged } : {}), state: s.state });",
    ];
    expect(allowed.flatMap((text) => stateSetters('electron/services/views.ts', text))).toEqual([]);
    // …and the door itself may set it.
    expect(stateSetters('shared/domain/caseStates.ts', 'export const s = (r, to) => ({ ...r, state: to });')).toEqual([]);
  });
});
