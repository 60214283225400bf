/**
 * Reading typed values from environment variables. Every bad value is added to `problems` with
 * the variable, the value and what is expected; the fallback is kept so all problems are found.
 */
export type Env = Record<string, string | undefined>;

export function envReader(env: Env, problems: string[]) {
  return {
    int(name: string, fallback: number, min: number, max: number): number {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) {
        problems.push(`${name}="${raw}" must be an integer from ${min} to ${max}`);
        return fallback;
      }
      return n;
    },
    bool(name: string, fallback: boolean): boolean {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
      if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
      problems.push(`${name}="${raw}" must be true or false`);
      return fallback;
    },
  };
}
