/** The bench's percentiles: plain nearest rank, and variants pooled with equal weight. */
import { describe, expect, it } from 'vitest';
import { percentiles, pooledPercentiles } from '../../scripts/bench/measure.js';

describe('percentiles', () => {
  it('nearest rank without weights', () => {
    const p = percentiles([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
    expect(p).toEqual({ n: 10, p50: 5, p95: 10, mean: 5.5, max: 10 });
    expect(percentiles([])).toMatchObject({ n: 0, p50: Number.NaN });
  });

  it('weights move the rank by cumulative weight', () => {
    // 1 weighs 3 of the 4 units: it is the median; 100 holds the top quarter.
    expect(percentiles([100, 1], [1, 3])).toMatchObject({ p50: 1, p95: 100, mean: 25.75 });
    expect(() => percentiles([1, 2], [1])).toThrow('one weight per sample');
  });
});

describe('pooledPercentiles', () => {
  it('counts each variant the same however often it ran', () => {
    const large = [2000, 2100, 2200];
    const small = Array.from({ length: 30 }, (_, i) => 20 + i);
    const pooled = pooledPercentiles([large, small]);
    // Half the weight is the large vendor's: the median is the small variant's slowest sample,
    // not (as 30 of 33 plain samples would make it) one in the middle of the small ones.
    expect(pooled.p50).toBe(49);
    expect(pooled.p95).toBe(2200);
    expect(pooled.n).toBe(33);
    expect(percentiles([...large, ...small]).p50).toBe(36);
  });

  it('equals plain nearest rank when the variants ran equally often', () => {
    const a = [3, 9, 1];
    const b = [7, 2, 8];
    const pooled = pooledPercentiles([a, b]);
    const plain = percentiles([...a, ...b]);
    expect({ ...pooled, mean: 0 }).toEqual({ ...plain, mean: 0 });
    expect(pooled.mean).toBeCloseTo(plain.mean, 9);
    expect(pooledPercentiles([a, []])).toEqual(percentiles(a));
  });
});
