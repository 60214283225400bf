/**
 * Expected failures of the domain. The schema exposes them as error-union members; anything else
 * thrown is unexpected and masked by the server.
 */

export interface FieldIssue {
  /** Path of the offending input field, e.g. `input.uscc` or `input.window.to`. */
  field: string;
  message: string;
}

export class ValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly field: string,
    readonly id: string,
    what: string,
  ) {
    super(`${field}: no ${what} with id "${id}"`);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ConflictError';
  }
}
