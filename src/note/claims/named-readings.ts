/**
 * A note that names its own reading of a part of the market keeps it: after "small caps (IJR) rose 2.55%", a later
 * "Small caps have beaten the megacap basket by 14.02 points" is about IJR, not the IWM that "small caps" is read as
 * by default; after "Alphabet (GOOG)", "Alphabet" is GOOG. Only a name read by default (config `readAs`, a company's
 * share class) is rebound, by the ticker in parentheses right after it; the reading lasts to the next heading.
 */
import type { Mention, NameResolver } from './name-resolver.js';

/** A mention read as "name (TICKER)": the name before the ticker in parentheses. */
const NAME_THEN_TICKER = /^(.+?)\s*\(\s*\$?\^?[A-Z][A-Z0-9.]{0,9}\s*\)$/;

export class NamedReadings {
  private readonly readings = new Map<string, Mention>();

  /** Learns "small caps (IJR)" from a sentence's mentions: the name alone would be read otherwise, by default. */
  learn(mentions: readonly Mention[], resolver: NameResolver): void {
    for (const x of mentions) {
      const m = x.symbol === null ? null : NAME_THEN_TICKER.exec(x.text);
      if (!m) continue;
      const alone = resolver.mentions(m[1]!);
      const byDefault = alone.length === 1 && alone[0]!.text === m[1] && alone[0]!.readAs !== undefined;
      if (byDefault && alone[0]!.symbol !== x.symbol) this.readings.set(m[1]!.toLowerCase(), x);
    }
  }

  /** The mentions with a default reading the note has named otherwise read as the note named it. */
  apply(mentions: readonly Mention[]): Mention[] {
    if (this.readings.size === 0) return [...mentions];
    return mentions.map((x) => {
      const named = x.readAs === undefined ? undefined : this.readings.get(x.text.toLowerCase());
      if (!named?.symbol) return x;
      return {
        ...x,
        symbol: named.symbol,
        kind: named.kind,
        readAs: `${x.text} read as ${named.symbol}, as the note names it`,
      };
    });
  }

  clear(): void {
    this.readings.clear();
  }
}
