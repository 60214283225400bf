/** Synthetic import files (the import tests and `npm run bench:import`), written as a stream. */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { USCC_CHARSET, usccCheckCharacter } from '../../validation/identifiers.js';

/** A valid, distinct USCC for row `i` (i < 31^8). */
export function usccFor(i: number): string {
  let n = i;
  let tail = '';
  for (let k = 0; k < 8; k++) {
    tail = USCC_CHARSET.charAt(n % 31) + tail;
    n = Math.floor(n / 31);
  }
  const first17 = `911405MA0${tail}`;
  return first17 + usccCheckCharacter(first17);
}

const DIVISIONS = ['140502', '140521', '140522', '140524', '140525', '140581'];

/** `rows` operators with Chinese headers; row i is named `运营者-<i>` (its batch is floor(i / batchSize)). */
export async function writeOperatorsCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('\uFEFF单位名称,统一社会信用代码,行政区划代码,是否开发区,联系电话\n');
  for (let i = 0; i < rows; i++) {
    const line = `运营者-${i},${usccFor(i)},${DIVISIONS[i % DIVISIONS.length]},${i % 7 === 0 ? '是' : '否'},0356-${String(i % 10_000_000).padStart(7, '0')}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
