import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Peak memory of this process, sampled every `everyMs` (and whenever `sample()` is called). */
export function memorySampler(everyMs = 50) {
  let peakRss = 0;
  let peakHeap = 0;
  let samples = 0;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > peakRss) peakRss = rss;
    if (heapUsed > peakHeap) peakHeap = heapUsed;
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { peakRss, peakHeap, samples };
    },
  };
}

let gc: (() => void) | undefined;

/** A full garbage collection, so that a baseline is not earlier work's garbage. */
export const collectGarbage = () => {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
};

export const MB = 1024 * 1024;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const megabytes = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
export const count = (n: number) => Math.round(n).toLocaleString('en-GB');
