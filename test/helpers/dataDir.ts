import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Dispatch } from '../../shared/contract/dispatch';
import type { MethodName, MethodOutput } from '../../shared/contract/methods';
import type { AppErrorData } from '../../shared/contract/result';

const made: string[] = [];

/** A fresh, real data directory under the OS temp folder, removed after the test. */
export function tempDataDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'pusiaukele-test-')), 'data');
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(join(dir, '..'), { recursive: true, force: true });
});

/** Call through the real dispatch and return the value, failing the test with the error otherwise. */
export async function ok<M extends MethodName>(dispatch: Dispatch, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** Call through the real dispatch and return the error it refused with. */
export async function refused(dispatch: Dispatch, method: MethodName, input: unknown): Promise<AppErrorData> {
  const result = await dispatch(method, input);
  if (result.ok) throw new Error(`${method} was expected to be refused but succeeded`);
  return result.error;
}
