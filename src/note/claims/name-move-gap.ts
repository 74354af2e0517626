/**
 * Words a writer puts between a name and its signed move in social and desk shorthand: "$XLB best day in
 * a while +1.99%", "$ORCL red after 7 green days, -10.83%", "IWM quietly grinding higher, +0.4%". Such a
 * gap is a few plain words (and counts such as "7" or "3rd"); it is no gap when it names a business
 * figure ("guidance", "revenue"), a comparison ("than", "vs") or a forecast ("could", "target"), where
 * the percent is not the name's own move.
 */

const BLOCK = new Set(
  'vs versus than against target targets estimate estimates guidance revenue revenues sales earnings eps margin margins volume volumes yield yields odds chance chances probability stake weight weighting if could would may might will expected expects forecast forecasts consensus growth futures premarket implied options calls puts not no never deliveries orders shipments subscribers users traffic bookings profit profits income capex spending dividend dividends buyback buybacks inflation rate rates cpi gdp payrolls wage wages tariff tariffs'.split(
    ' ',
  ),
);
/** A gap may not end in a word that makes the figure its object ("up to", "a target of", "beat by"). */
const OPEN_END = new Set(['to', 'at', 'by', 'of', 'from', 'for', 'with', 'a', 'an', 'the', 'and', 'or']);

/** Whether `gap` (the text between a name and a signed figure) only colours the move. */
export function onlyColoursTheMove(gap: string): boolean {
  if (/[%$()[\]]|\d[.,]\d/.test(gap)) return false;
  const tokens = gap.split(/[\s,:;–—-]+/).filter((t) => t !== '');
  if (tokens.length === 0 || tokens.length > 8) return false;
  if (!tokens.every((t) => /^(?:[A-Za-z][A-Za-z'’]*|\d{1,3}(?:st|nd|rd|th)?)$/.test(t))) return false;
  const words = tokens.map((t) => t.toLowerCase());
  return !words.some((w) => BLOCK.has(w)) && !OPEN_END.has(words[words.length - 1]!);
}
