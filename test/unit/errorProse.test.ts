// Issue 13: the texts of errors live once, in the error catalogue (shared/domain/errorTexts). An
// error is thrown as a code with parameters, `new DomainError(code, params)`; the old form, with the
// Lithuanian and English prose written where it is thrown (`new DomainError(code, lt, en, details)`),
// is refused outside the places still being converted, which are listed here and only shrink.
// Calls are read with TypeScript's parser, so comments and strings that merely look like calls do
// not count.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where errors are thrown: the back end, its hosts and command line, and the shared domain. */
const SCANNED = ['electron', 'shared'];

/** The classes whose constructor takes a code and its parameters. */
const ERROR_CLASSES = new Set(['DomainError', 'SigningError']);

interface SourceFile {
  path: string;
  text: string;
}

interface OldFormCall {
  file: string;
  line: number;
  /** The code when written as a literal, else '(computed)'. */
  code: string;
}

const isText = (node: ts.Expression): boolean =>
  ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken);

/**
 * The calls that write an error's texts where it is thrown: `new DomainError(…)` with a text as its
 * second or third argument, or with more than a code and one parameters object; and `fieldError(…)`
 * with a text after the field's key.
 */
function oldFormCalls({ path, text }: SourceFile): OldFormCall[] {
  const found: OldFormCall[] = [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    const call = ts.isNewExpression(node) || ts.isCallExpression(node) ? node : null;
    const callee = call && ts.isIdentifier(call.expression) ? call.expression.text : null;
    const args = call?.arguments ?? [];
    const errorClass = call !== null && ts.isNewExpression(call) && callee !== null && ERROR_CLASSES.has(callee);
    const prose = errorClass
      ? args.length > 2 || args.slice(1, 3).some(isText)
      : callee === 'fieldError' && args.slice(2).some(isText);
    if (prose) {
      const [code] = args;
      found.push({
        file: path,
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        code: code && ts.isStringLiteralLike(code) ? code.text : '(computed)',
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Still in the old form while the services there are converted (issue 13): whole folders, and single
 * files with the codes they still write so. Each must still hold an old-form call, so that this list
 * only shrinks: remove an entry once its place is converted.
 */
const NOT_YET_CONVERTED: readonly { place: string; codes?: readonly string[]; why: string }[] = [
  { place: 'shared/domain/errors.ts', codes: ['(computed)'], why: 'errorFromData: an error received as data keeps the texts it came with' },
];

function allowed(call: OldFormCall): boolean {
  return NOT_YET_CONVERTED.some((e) => (e.place.endsWith('/') ? call.file.startsWith(e.place) : call.file === e.place && (e.codes ?? []).includes(call.code)));
}

async function sources(dir: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await sources(path)));
    else if (/\.tsx?$/.test(entry.name)) files.push({ path, text: await readFile(join(ROOT, path), 'utf8') });
  }
  return files;
}

describe('errors are thrown as a code with parameters, their texts in the catalogue (issue 13)', () => {
  it('no error writes its Lithuanian or English text where it is thrown', async () => {
    const calls = (await Promise.all(SCANNED.map((dir) => sources(dir)))).flat().flatMap(oldFormCalls);
    expect(calls.filter((c) => !allowed(c)).map((c) => `${c.file}:${c.line} ${c.code}`)).toEqual([]);
  });

  it('the places not yet converted still are (the list only shrinks)', async () => {
    const calls = (await Promise.all(SCANNED.map((dir) => sources(dir)))).flat().flatMap(oldFormCalls);
    const gone = NOT_YET_CONVERTED.filter((e) =>
      e.place.endsWith('/') ? !calls.some((c) => c.file.startsWith(e.place)) : (e.codes ?? []).some((code) => !calls.some((c) => c.file === e.place && c.code === code)),
    );
    expect(gone.map((e) => e.place)).toEqual([]);
  });

  it('finds prose in a made-up service, in each way it can be written', () => {
    const madeUp: SourceFile = {
      path: 'electron/services/cases/madeUp.ts',
      text: [
        "import { DomainError, fieldError } from '../../../shared/domain/errors';",
        '// new DomainError(\'IN_A_COMMENT\', \'Tik komentaras.\', \'Only a comment.\') does not count',
        "export const a = new DomainError('CASE_CHANGED', 'Byla pakeista.', 'The case changed.');",
        'export const b = (id: string) => new DomainError(`CASE_${id}`, `Byla ${id} pakeista.`, `Case ${id} changed.`, { id });',
        "export const c = (t: { lt: string; en: string }) => new DomainError('CASE_CHANGED', t.lt, t.en);",
        "export const d = fieldError('note', 'required', 'Nurodykite priežastį.', 'Give the reason.');",
        "export const ok = new DomainError('CASE_CHANGED', { id: 'x', revision: 1 });",
        "export const alsoOk = fieldError('note', 'required', { why: 'asField' });",
        "export const text = \"new DomainError('IN_A_STRING', 'Eilutė.', 'A string.')\";",
      ].join('\n'),
    };
    expect(oldFormCalls(madeUp).map((c) => [c.line, c.code])).toEqual([
      [3, 'CASE_CHANGED'],
      [4, '(computed)'],
      [5, 'CASE_CHANGED'],
      [6, 'note'],
    ]);
    expect(oldFormCalls(madeUp).filter((c) => !allowed(c))).toHaveLength(4);
  });
});
