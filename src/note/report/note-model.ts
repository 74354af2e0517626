/**
 * The market note as data: a headline, a lede and sections made of text runs and figure references,
 * a performance table, charts, and the provenance of every figure. Renderers (Markdown, HTML, JSON)
 * only lay this out; nothing here depends on the output format.
 */

/** Where a number in the note comes from: `marketdash report --format json` lists one per figure. */
export interface Figure {
  readonly id: string;
  /** `return.ytd`, `ath.distance`, `close`, `since.lowest`, `streak`, `trend.distance`, `baserate.count` ... */
  readonly metric: string;
  readonly symbols: readonly string[];
  /** The dates read (base and as-of close, record date ...), YYYY-MM-DD. */
  readonly dates: readonly string[];
  readonly value: number | string;
  /** How it is computed, with the dates filled in: "close(2025-12-11) / close(2024-12-31) - 1". */
  readonly formula: string;
  /** The text shown in the note ("36.80%", "Sep 12"). */
  readonly display: string;
}

/** A run of text, or a figure linked to its provenance: shown by its display text, or by `text` (a verb phrase standing for a state). */
export type Run = string | { readonly figure: string; readonly text?: string };

export interface NoteParagraph {
  readonly runs: readonly Run[];
}

export interface PerformanceRow {
  readonly symbol: string;
  readonly label: string;
  readonly group: 'Magnificent 7' | 'Mag 7 basket and fund' | 'Small caps' | 'Equal vs cap weight';
  /** Figure ids (null when the history is too short): 1M, 3M, 6M (domain/period-keys.ts), YTD and one year. */
  readonly oneMonth: string | null;
  readonly threeMonths: string | null;
  readonly sixMonths: string | null;
  readonly ytd: string | null;
  readonly oneYear: string | null;
}

export interface NoteSection {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly NoteParagraph[];
  readonly table?: readonly PerformanceRow[];
  /** Chart ids (see NoteChart) shown after the paragraphs. */
  readonly charts?: readonly string[];
}

export interface RatioChart {
  readonly id: string;
  readonly kind: 'ratio';
  readonly title: string;
  readonly dates: readonly string[];
  readonly values: readonly number[];
  /** The trendline drawn from its first anchor to the as-of date, or null. */
  readonly line: {
    readonly from: string;
    readonly to: string;
    readonly fromValue: number;
    readonly toValue: number;
  } | null;
}

export interface BarChart {
  readonly id: string;
  readonly kind: 'bars';
  readonly title: string;
  readonly bars: readonly { readonly label: string; readonly value: number }[];
}

export type NoteChart = RatioChart | BarChart;

export interface MarketNote {
  readonly asOf: string;
  readonly headline: string;
  readonly lede: NoteParagraph;
  /** Which headline rule fired. */
  readonly story: 'into_small_caps' | 'into_mega_caps' | 'no_clear_rotation';
  readonly sections: readonly NoteSection[];
  readonly charts: readonly NoteChart[];
  readonly figures: readonly Figure[];
  /** sha256 of the rows the note was made from (see services/report/data-fingerprint.ts). */
  readonly fingerprint: string;
  readonly rows: number;
  readonly demo: boolean;
}
