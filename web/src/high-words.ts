/**
 * What the highest stored close may honestly be called. A price series' history runs from its listing
 * (a Yahoo download, the demo market), so its highest close is its all-time high (ATH). A rate's is not:
 * FRED files are often cut (the shared DGS2 and DGS10 start 2009-07-01, while the 10-year yield peaked
 * near 15.8% in 1981), and a yield has no "all-time high" a reader should take from a partial file, so it
 * is the highest since the first stored day.
 */
export interface HighWords {
  /** The figure's label: "ATH" or "High since 2009-07-01". */
  readonly label: string;
  /** The distance's label: "From ATH" or "From high". */
  readonly fromLabel: string;
  /** In a sentence: "all-time high" or "highest since 2009-07-01". */
  readonly phrase: string;
  /** The axis label of the level line on the chart: "ATH" or "High". */
  readonly axis: string;
}

export function highWords(isRate: boolean, firstStored: string | null): HighWords {
  if (!isRate) return { label: 'ATH', fromLabel: 'From ATH', phrase: 'all-time high', axis: 'ATH' };
  const since = firstStored ? ` since ${firstStored}` : ' stored';
  return { label: `High${since}`, fromLabel: 'From high', phrase: `highest${since}`, axis: 'High' };
}
