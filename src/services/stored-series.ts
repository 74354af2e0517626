/**
 * Reading one stored series up to an as-of day, with the errors the single-series use-cases (trend,
 * baserate, ratio) give: an unknown symbol is not found; a known one without bars in range is a data error.
 */
import { resolveAsOf } from '../analytics/returns/as-of.js';
import { DataError, NotFoundError } from '../domain/errors.js';
import { didYouMean } from '../domain/nearest-names.js';
import type { PriceSeries } from '../domain/price-series.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../domain/trading-date.js';
import type { PriceStore } from '../store/price-store.js';

/**
 * The error for a symbol the store does not know, with the nearest stored ones
 * ("unknown symbol 'APPL'; did you mean AAPL?").
 */
export async function unknownSymbolError(
  store: Pick<PriceStore, 'listSymbols'>,
  symbol: string,
): Promise<NotFoundError> {
  const known = (await store.listSymbols()).map((s) => s.ticker);
  const hint = didYouMean(symbol, known);
  return new NotFoundError(
    symbol,
    `unknown symbol '${symbol}'${hint}`,
    hint === '' ? { hint: "run 'marketdash symbols' to see what is stored" } : {},
  );
}

/** The error for `symbol` having no series in the store (up to `asOfDay`). */
export async function missingSeriesError(
  store: PriceStore,
  symbol: string,
  asOfDay: DayNumber | null,
): Promise<NotFoundError | DataError> {
  if ((await store.getSymbol(symbol)) === null) return unknownSymbolError(store, symbol);
  return new DataError(`${symbol}: no bars stored${asOfDay === null ? '' : ` on or before ${formatIsoDate(asOfDay)}`}`);
}

/** The series of `symbol` up to `asOf` (`--as-of` text; latest when undefined) and the index of the as-of bar. */
export async function readSeriesAsOf(
  store: PriceStore,
  symbol: string,
  asOf: string | undefined,
): Promise<{ series: PriceSeries; index: number }> {
  const asOfDay = asOf === undefined ? null : parseIsoDate(asOf, '--as-of');
  const series = await store.readSeries(symbol, asOfDay === null ? undefined : { to: formatIsoDate(asOfDay) });
  if (series === null) throw await missingSeriesError(store, symbol, asOfDay);
  const { index } = resolveAsOf(series.dates, asOfDay);
  if (index < 0) throw new DataError(`${symbol}: no bars on or before ${asOf}`);
  return { series, index };
}
