/**
 * What the highest stored close may honestly be called. A price series' history runs from its listing
 * (a Yahoo download, the demo market), so its highest close is its all-time closing high, called its record
 * close everywhere (never "all-time high": a chartist reads that as the highest intraday high, and IWM's
 * record close 250.16 sat under a bar whose high was 250.53). A rate's is not:
 * FRED files are often cut (the shared DGS2 and DGS10 start 2009-07-01, while the 10-year yield peaked
 * near 15.8% in 1981), and a yield has no "all-time high" a reader should take from a partial file, so it
 * is the highest since the first stored day.
 */
export interface HighWords {
  /** The figure's label: "Record close" or "High since 2009-07-01". */
  readonly label: string;
  /** The distance's label: "From record close" or "From high". */
  readonly fromLabel: string;
  /** In a sentence: "record close" or "highest since 2009-07-01". */
  readonly phrase: string;
  /** The axis label of the level line on the chart, and its day's marker: "record close" or "High". */
  readonly axis: string;
}

export function highWords(isRate: boolean, firstStored: string | null): HighWords {
  if (!isRate)
    return { label: 'Record close', fromLabel: 'From record close', phrase: 'record close', axis: 'record close' };
  const since = firstStored ? ` since ${firstStored}` : ' stored';
  return { label: `High${since}`, fromLabel: 'From high', phrase: `highest${since}`, axis: 'High' };
}
