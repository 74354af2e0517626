import { describe, expect, it } from 'vitest';
import { UsageError } from '../../domain/errors.js';
import { parseIndicatorSpec, parseIndicatorSpecs } from './indicator-spec.js';

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).parameter).toBe('--ind');
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseIndicatorSpecs', () => {
  it('names the columns of the CLI example as the issue lists them', () => {
    const specs = parseIndicatorSpecs('sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14,roc:10');
    expect(specs.flatMap((s) => s.columns)).toEqual([
      'sma_20',
      'ema_20',
      'rsi_14',
      'macd_12_26_9',
      'macd_signal_12_26_9',
      'macd_hist_12_26_9',
      'bb_lower_20_2',
      'bb_middle_20_2',
      'bb_upper_20_2',
      'atr_14',
      'roc_10',
    ]);
    expect(specs.map((s) => s.kind)).toEqual(['sma', 'ema', 'rsi', 'macd', 'bbands', 'atr', 'roc']);
  });

  it("fills left-out trailing parameters with TTR's defaults and writes them in the names", () => {
    expect(parseIndicatorSpec('macd').text).toBe('macd:12:26:9');
    expect(parseIndicatorSpec('bbands:10').columns).toEqual(['bb_lower_10_2', 'bb_middle_10_2', 'bb_upper_10_2']);
    expect(parseIndicatorSpec('RSI').columns).toEqual(['rsi_14']);
    expect(parseIndicatorSpec('sma').params).toEqual([10]);
    expect(parseIndicatorSpec('roc').params).toEqual([1]);
  });

  it('accepts a fractional band width and tolerates spaces', () => {
    expect(parseIndicatorSpecs(' bbands : 10 : 1.5 , sma:5 ').map((s) => s.columns[0])).toEqual([
      'bb_lower_10_1.5',
      'sma_5',
    ]);
  });

  it('names the bad item in every error', () => {
    expect(usageMessage(() => parseIndicatorSpecs('sma:20,foo:3'))).toMatch(
      /'foo:3': unknown indicator 'foo' \(known: sma, ema/,
    );
    // a near name is suggested instead of the whole list (one edit: 'rsii' -> 'rsi')
    expect(usageMessage(() => parseIndicatorSpecs('rsii:14'))).toMatch(
      /'rsii:14': unknown indicator 'rsii'; did you mean rsi\?/,
    );
    expect(usageMessage(() => parseIndicatorSpecs('sma:0'))).toMatch(
      /'sma:0': period must be a whole number >= 1, got '0'/,
    );
    expect(usageMessage(() => parseIndicatorSpecs('rsi:14.5'))).toMatch(/'rsi:14.5'/);
    expect(usageMessage(() => parseIndicatorSpecs('ema:x'))).toMatch(/got 'x'/);
    expect(usageMessage(() => parseIndicatorSpecs('sma:'))).toMatch(/'sma:': period must be/);
    expect(usageMessage(() => parseIndicatorSpecs('bbands:20:-1'))).toMatch(/width must be a number > 0, got '-1'/);
    expect(usageMessage(() => parseIndicatorSpecs('atr:14:3'))).toMatch(/'atr:14:3': atr takes at most 1 parameter/);
    expect(usageMessage(() => parseIndicatorSpecs('macd:26:12:9'))).toMatch(
      /fast \(26\) must be shorter than slow \(12\)/,
    );
    expect(usageMessage(() => parseIndicatorSpecs('sma:20,,rsi'))).toMatch(/item 2 of 'sma:20,,rsi' is empty/);
    expect(usageMessage(() => parseIndicatorSpecs('sma:10,sma'))).toMatch(/'sma': given twice \(as sma:10\)/);
    expect(usageMessage(() => parseIndicatorSpecs('  '))).toMatch(/no indicators given/);
  });
});
