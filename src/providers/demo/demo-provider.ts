/**
 * The demo market behind the provider interface, so `update --provider demo` works offline: it serves
 * the seeded synthetic bars (source `demo`) with their dividends and the one split, for the symbols of
 * the default universe.
 */
import { ProviderError } from '../../domain/errors.js';
import { indexOnOrAfter, indexOnOrBefore, sliceSeries } from '../../domain/price-series.js';
import type { SymbolInfo } from '../../domain/symbol-info.js';
import type { DayNumber } from '../../domain/trading-date.js';
import type { DailyHistory, DataProvider, FetchDailyRequest } from '../data-provider.js';
import { DEFAULT_DEMO_SEED, type DemoMarket, generateDemoMarket } from './demo-market.js';

export class DemoProvider implements DataProvider {
  readonly name = 'demo';
  readonly testSymbol = 'SPY';
  private market: DemoMarket | null = null;

  constructor(
    private readonly symbolNames: Readonly<
      Record<string, { readonly name: string; readonly kind: SymbolInfo['kind'] }>
    >,
    private readonly options: { readonly seed?: number; readonly today?: DayNumber } = {},
  ) {}

  private get demo(): DemoMarket {
    this.market ??= generateDemoMarket({
      seed: this.options.seed ?? DEFAULT_DEMO_SEED,
      today: this.options.today,
      symbolNames: this.symbolNames,
    });
    return this.market;
  }

  canHandle(symbol: string): boolean {
    const info = this.symbolNames[symbol];
    return info !== undefined && info.kind !== 'basket';
  }

  async fetchDaily(request: FetchDailyRequest): Promise<DailyHistory> {
    const series = this.demo.series.get(request.symbol);
    if (!series)
      throw new ProviderError(
        this.name,
        `unknown symbol ${request.symbol} (the demo market has the default universe only)`,
        { status: 404 },
      );
    const start = indexOnOrAfter(series.dates, request.from);
    const end = indexOnOrBefore(series.dates, request.to) + 1;
    const info = this.demo.symbols.find((s) => s.ticker === request.symbol)!;
    const inRange = (day: number) => day >= request.from && day <= request.to;
    return {
      symbol: request.symbol,
      provider: this.name,
      series: sliceSeries(series, start, Math.max(start, end)),
      splits: this.demo.splits
        .filter((s) => s.symbol === request.symbol && inRange(s.day))
        .map((s) => ({ day: s.day, numerator: s.ratio, denominator: 1 })),
      dividends: (this.demo.dividends.get(request.symbol) ?? []).filter((d) => inRange(d.day)),
      currency: info.currency,
      name: info.name,
      kind: info.kind,
    };
  }
}
