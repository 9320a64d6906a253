/** The median of the measurements (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * How a benchmark prints its figures: each against its limit (a figure over it marks the run failed,
 * exit code 1, and says so on stderr under the benchmark's name), and plain rows, in aligned columns.
 */
export function reporter(bench: string, width: number) {
  return {
    figure(label: string, value: string, over: boolean, limit: string): void {
      console.log(`  ${label.padEnd(width)} ${value} (limit ${limit}: ${over ? 'OVER' : 'OK'})`);
      if (over) {
        console.error(`${bench}: over the limit: ${label} ${value} > ${limit}`);
        process.exitCode = 1;
      }
    },
    row(label: string, value: string): void {
      console.log(`  ${label.padEnd(width)} ${value}`);
    },
  };
}

/** Median milliseconds of unwrapping a data directory's key with its passphrase (scrypt, then AES-GCM), over five runs. */
export async function unlockMedian(dataDir: string, passphrase: string, unlock: (dir: string, key: { kind: 'passphrase'; passphrase: string }) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await unlock(dataDir, { kind: 'passphrase', passphrase });
    times.push(performance.now() - t0);
  }
  return median(times);
}
