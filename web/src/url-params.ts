/**
 * URL parameters read the checked way: each page names the parameters it knows and what a good
 * value looks like; a bad value or an unknown parameter is reported on the page in plain words
 * ("range: '10y' is not one of 1M, 3M, …; showing 1Y") instead of being swallowed or crashing.
 */

export class PageParams {
  private readonly problems: string[] = [];
  private readonly known = new Set<string>(['asOf']);

  constructor(readonly params: URLSearchParams) {}

  /** A value from a fixed list (compared case-insensitively), else the fallback with a note. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T, label?: (v: T) => string): T {
    this.known.add(name);
    const raw = this.params.get(name);
    if (raw === null || raw === '') return fallback;
    const hit = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
    if (hit !== undefined) return hit;
    const words = allowed.map((a) => (label ? label(a) : a));
    this.problems.push(
      `${name}: '${raw}' is not one of ${words.join(', ')}; showing ${label ? label(fallback) : fallback}`,
    );
    return fallback;
  }

  /** A free value checked by `valid` (which returns null when good, else the reason). */
  text(name: string, fallback: string, valid: (v: string) => string | null = () => null): string {
    this.known.add(name);
    const raw = this.params.get(name);
    if (raw === null || raw === '') return fallback;
    const why = valid(raw);
    if (why === null) return raw;
    this.problems.push(`${name}: ${why}${fallback ? `; showing ${fallback}` : ''}`);
    return fallback;
  }

  /** An ISO date YYYY-MM-DD that exists on the calendar. */
  date(name: string, fallback: string): string {
    return this.text(name, fallback, (v) => (isIsoDate(v) ? null : `'${v}' is not a date (YYYY-MM-DD)`));
  }

  /** A parameter handled elsewhere on the page (so it is not reported as unknown). */
  accept(...names: string[]): void {
    for (const n of names) this.known.add(n);
  }

  /** Adds a problem found while reading a parameter by hand. */
  report(problem: string): void {
    this.problems.push(problem);
  }

  /** Every problem, unknown parameters included; read once, after the page read its parameters. */
  notes(): string[] {
    const unknown = [...new Set(this.params.keys())].filter((k) => !this.known.has(k));
    return [...this.problems, ...unknown.map((k) => `${k}: not a parameter of this page, ignored`)];
  }
}

export function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A ticker as the API takes it: letters, digits and ^ . = _ - (1 to 24 characters). */
export function tickerProblem(v: string): string | null {
  return /^[A-Za-z0-9^.=_-]{1,24}$/.test(v) ? null : `'${v}' is not a ticker`;
}
