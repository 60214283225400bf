/** A named Cypher statement with its routing and typed parameters (see scripts/generate-cypher.ts). */
export interface Statement<P> {
  readonly name: string;
  readonly mode: 'read' | 'write';
  readonly text: string;
  /** Phantom field carrying the parameter type; never set at run time. */
  readonly __params?: P;
}

export type ParamsOf<S> = S extends Statement<infer P> ? P : never;

/** A numbered schema migration: idempotent DDL statements (constraints, indexes). */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  readonly statements: readonly string[];
}
