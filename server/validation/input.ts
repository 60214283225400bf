/**
 * Collects every problem of a mutation's input before anything is written, each under the path
 * of its field. `done()` throws one ValidationError listing them all.
 */
import { type FieldIssue, ValidationError } from '../errors.js';
import {
  checkDateOrder,
  normalizeDivisionCode,
  normalizeDomain,
  normalizeFilingNumber,
  normalizeIp,
  normalizeIsoDate,
  normalizeLevel,
  normalizePort,
  normalizeResidentId,
  normalizeUscc,
  type Result,
} from './identifiers.js';

const MAX_TEXT = 500;

/** Control characters other than tab, LF and CR have no place in registry text (they break CSV and logs). */
function hasControlCharacters(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

export class InputValidator {
  readonly issues: FieldIssue[] = [];

  issue(field: string, message: string): void {
    this.issues.push({ field, message });
  }

  private take<T, R>(field: string, value: T | null | undefined, check: (v: T) => Result<R>): R | null {
    if (value === null || value === undefined) return null;
    const result = check(value);
    if (!result.ok) {
      this.issue(field, result.message);
      return null;
    }
    return result.value;
  }

  /** A required value: null/undefined is an issue. */
  required<T>(field: string, value: T | null | undefined): value is T {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      this.issue(field, 'is required');
      return false;
    }
    return true;
  }

  text(field: string, value: string | null | undefined, maxLength = MAX_TEXT): string | null {
    if (value === null || value === undefined) return null;
    const trimmed = value.trim();
    if (trimmed === '') {
      this.issue(field, 'must not be blank');
      return null;
    }
    if (trimmed.length > maxLength)
      this.issue(field, `must be at most ${maxLength} characters, got ${trimmed.length}`);
    if (hasControlCharacters(trimmed)) this.issue(field, 'contains control characters');
    return trimmed;
  }

  uscc = (field: string, v: string | null | undefined) => this.take(field, v, normalizeUscc);
  residentId = (field: string, v: string | null | undefined) =>
    this.take(field, v, (x) => normalizeResidentId(x));
  filingNumber = (field: string, v: string | null | undefined) => this.take(field, v, normalizeFilingNumber);
  divisionCode = (field: string, v: string | null | undefined) => this.take(field, v, normalizeDivisionCode);
  ip = (field: string, v: string | null | undefined) => this.take(field, v, normalizeIp);
  port = (field: string, v: number | null | undefined) => this.take(field, v, normalizePort);
  domain = (field: string, v: string | null | undefined) => this.take(field, v, normalizeDomain);
  level = (field: string, v: number | null | undefined) => this.take(field, v, normalizeLevel);
  date = (field: string, v: string | null | undefined) => this.take(field, v, normalizeIsoDate);

  /** `to` must not be before `from` (both already validated; skipped when either is missing). */
  dateOrder(field: string, from: string | null, to: string | null): void {
    if (from === null || to === null) return;
    const problem = checkDateOrder(from, to);
    if (problem) this.issue(field, problem);
  }

  /** A validity window: `from` required, `to` optional and not before `from`. */
  window(prefix: string, from: string | null | undefined, to: string | null | undefined) {
    const f = this.required(`${prefix}.from`, from) ? this.date(`${prefix}.from`, from) : null;
    const t = this.date(`${prefix}.to`, to);
    this.dateOrder(`${prefix}.to`, f, t);
    return { from: f, to: t };
  }

  /** One value of a fixed list (enum values arriving as strings from files or the API). */
  oneOf<V extends string>(field: string, value: string | null | undefined, allowed: readonly V[]): V | null {
    if (value === null || value === undefined) return null;
    if (!(allowed as readonly string[]).includes(value)) {
      this.issue(field, `"${value}" is not one of ${allowed.join(', ')}`);
      return null;
    }
    return value as V;
  }

  int(field: string, v: number | null | undefined, min: number, max: number): number | null {
    if (v === null || v === undefined) return null;
    if (!Number.isInteger(v) || v < min || v > max) {
      this.issue(field, `must be an integer from ${min} to ${max}, got ${v}`);
      return null;
    }
    return v;
  }

  done(): void {
    if (this.issues.length) throw new ValidationError(this.issues);
  }
}
