/**
 * Streams the records of an import file: CSV (csv-parse; UTF-8 with or without BOM, or GBK/GB18030
 * and other encodings through iconv-lite) or JSON Lines (one object per line, keys = headers). Each
 * record comes with its line number; the first CSV line is the header. Memory stays bounded: the
 * async iteration pulls records as they are consumed (back-pressure down to the file read).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

export const IMPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Where the rows come from: a file on disk, an uploaded file (a Blob: the GraphQL multipart request,
 * read as a stream, undecoded bytes) or a string (the GraphQL mutation's JSON body, already text).
 */
export type ImportInput = { path: string } | { blob: Blob } | { content: string };

export interface SourceRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  /** Header (as written) → cell text; null for the header record of a CSV. */
  cells: Map<string, string>;
  /** Cells beyond the header, or missing: a message. */
  shapeProblem: string | null;
}

export interface SourceOptions {
  format: ImportFormat;
  /** Text encoding of the file (utf8 default; gbk, gb18030…; anything iconv-lite knows). */
  encoding: string;
  /** Called with the number of bytes read so far. */
  onBytes?: (bytes: number) => void;
}

export function isKnownEncoding(encoding: string): boolean {
  return iconv.encodingExists(encoding);
}

/**
 * The bytes of a Blob as they are read. Through its reader rather than `Readable.fromWeb`: an
 * uploaded file may be a @whatwg-node ponyfill whose stream is not Node's own ReadableStream.
 */
async function* blobChunks(blob: Blob): AsyncGenerator<Buffer> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  } finally {
    reader.releaseLock();
  }
}

function rawStream(input: ImportInput, onBytes?: (bytes: number) => void): Readable {
  const stream =
    'path' in input
      ? createReadStream(input.path)
      : 'blob' in input
        ? Readable.from(blobChunks(input.blob))
        : Readable.from([Buffer.from(input.content, 'utf8')]);
  if (onBytes) {
    let bytes = 0;
    stream.on('data', (chunk: Buffer | string) => {
      bytes += chunk.length;
      onBytes(bytes);
    });
  }
  return stream;
}

function decoded(input: ImportInput, options: SourceOptions): Readable {
  const raw = rawStream(input, options.onBytes);
  const enc = options.encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (enc === 'utf8' || 'content' in input) return raw;
  return raw.pipe(iconv.decodeStream(options.encoding)) as unknown as Readable;
}

/** The header row (the first record) followed by the data records. */
export async function* readRecords(
  input: ImportInput,
  options: SourceOptions,
): AsyncGenerator<{ header: string[] } | SourceRecord> {
  if (options.format === 'csv') {
    const parser = decoded(input, options).pipe(
      parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: false }),
    );
    let header: string[] | null = null;
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (header === null) {
        header = record.map((h) => h.replace(/^\uFEFF/, '').trim());
        yield { header };
        continue;
      }
      if (record.every((c) => c.trim() === '')) continue; // Excel's trailing ",,,," lines
      const cells = new Map<string, string>();
      header.forEach((h, i) => {
        const c = record[i];
        if (c !== undefined) cells.set(h, c);
      });
      const shapeProblem =
        record.length === header.length
          ? null
          : `has ${record.length} cells, the header has ${header.length}`;
      yield { line: info.lines, cells, shapeProblem };
    }
    if (header === null) yield { header: [] };
    return;
  }
  // JSON Lines: the header is the union of keys seen, so it is given per record.
  const lines = createInterface({ input: decoded(input, options), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let first = true;
  for await (const text of lines) {
    lineNo++;
    const t = lineNo === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (t.trim() === '') continue;
    let value: unknown;
    let shapeProblem: string | null = null;
    const cells = new Map<string, string>();
    try {
      value = JSON.parse(t);
    } catch {
      shapeProblem = 'is not valid JSON';
    }
    if (shapeProblem === null) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) shapeProblem = 'is not a JSON object';
      else {
        for (const [k, v] of Object.entries(value)) {
          if (v === null || v === undefined) continue;
          cells.set(
            k.trim(),
            typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v),
          );
        }
      }
    }
    if (first) {
      first = false;
      yield { header: [...cells.keys()] };
    }
    yield { line: lineNo, cells, shapeProblem };
  }
  if (first) yield { header: [] };
}
