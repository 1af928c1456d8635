// Small statistics helpers for the benchmarks that tachometer does not run (memory, page cost).
export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Deterministic PRNG (mulberry32), so a report's bootstrap intervals can be reproduced from its samples. */
function random(seed = 1) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 95% bootstrap interval of `stat(a) / stat(b)` (percentile method, 2,000 resamples). With fewer than
 * three samples on a side there is no meaningful interval: returns undefined.
 */
export function ratioInterval(a, b, stat = median, rounds = 2000) {
  if (a.length < 3 || b.length < 3) return undefined;
  const rand = random(a.length * 7919 + b.length);
  const pick = (xs) => Array.from(xs, () => xs[Math.floor(rand() * xs.length)]);
  const ratios = Array.from({ length: rounds }, () => stat(pick(a)) / stat(pick(b))).sort((x, y) => x - y);
  return { low: ratios[Math.floor(rounds * 0.025)], high: ratios[Math.ceil(rounds * 0.975) - 1] };
}
