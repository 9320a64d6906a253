import type { Dispatch } from '../../shared/contract/dispatch';
import type { MethodName, MethodOutput } from '../../shared/contract/methods';
import type { AppErrorData } from '../../shared/contract/result';

// No vitest import here: benchmarks run these helpers outside the test runner.

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
