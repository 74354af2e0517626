"""The perf table for a whole universe with polars, the peer bench/perf-bench.ts times as a whole
process against `marketdash perf --all`. Polars reads the parquet file lazily (only Symbol, Date and
Close), builds the dates x symbols close matrix, and numpy computes the figures the same vectorised
way as test/reference/perf_table_pandas.py (pandas is not imported here). As of the last date.

  perf_table_polars.py parquet CSV PARQUET   convert the long universe CSV once
  perf_table_polars.py time PARQUET [OUT]    read and compute; prints {"load", "compute", "rows"};
                                             with OUT, writes the rows as the CLI's JSON contract
"""
import datetime as dt
import json
import sys
import time

import numpy as np
import polars as pl


def write_parquet(csv, out):
    pl.scan_csv(csv, try_parse_dates=True).sink_parquet(out)


def last_true_row(mask):
    n = mask.shape[0]
    flipped = mask[::-1]
    any_true = flipped.any(axis=0)
    return np.where(any_true, n - 1 - flipped.argmax(axis=0), -1)


def years_before(day, years):
    """The same calendar date `years` earlier; Feb 29 maps to Feb 28 (as marketdash does)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def perf_table(df):
    symbols_sorted = df["Symbol"].unique().sort()
    dates = df["Date"].unique().sort().to_numpy()
    # each row's symbol and date as its index in the sorted unique values, computed by polars itself
    # (a dense rank); numpy's searchsorted over 15 M Python strings took most of this script's time
    codes = df.select(
        (pl.col("Symbol").rank("dense") - 1).cast(pl.Int64).alias("s"),
        (pl.col("Date").rank("dense") - 1).cast(pl.Int64).alias("d"),
    )
    sym_codes = codes["s"].to_numpy()
    date_codes = codes["d"].to_numpy()
    n, m = len(dates), len(symbols_sorted)
    v = np.full((n, m), np.nan)
    v[date_codes, sym_codes] = df["Close"].to_numpy()
    last = v[-1]
    day = dt.date.fromisoformat(str(dates[-1])[:10])
    first_valid = np.argmax(~np.isnan(v), axis=0)

    def base(boundary):
        row = np.searchsorted(dates, np.datetime64(boundary), side="right") - 1
        if row < 0:
            return np.full(m, np.nan)
        return np.where(first_valid <= row, v[row], np.nan)

    month_start = day.replace(day=1)
    quarter_start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    bases = {
        "1d": v[-2] if n >= 2 else np.full(m, np.nan),
        "5d": v[-6] if n >= 6 else np.full(m, np.nan),
        "mtd": base(month_start - dt.timedelta(days=1)),
        "qtd": base(quarter_start - dt.timedelta(days=1)),
        "ytd": base(dt.date(day.year - 1, 12, 31)),
        "1y": base(years_before(day, 1)),
        "3y": base(years_before(day, 3)),
        "5y": base(years_before(day, 5)),
    }
    returns = {k: last / b - 1 for k, b in bases.items()}
    ath = np.nanmax(v, axis=0)
    ath_row = np.nanargmax(v, axis=0)
    year_ago = np.datetime64(years_before(day, 1))
    start = np.searchsorted(dates, year_ago, side="right")
    window = v[start:]
    has_year = dates[first_valid] <= year_ago
    hi = np.nanmax(window, axis=0)
    hi_row = start + np.nanargmax(window, axis=0)
    lo = np.nanmin(window, axis=0)
    lo_row = start + np.nanargmax(-window, axis=0)
    above = last_true_row(v[:-1] > last)
    below = last_true_row(v[:-1] < last)
    signs = np.sign(np.diff(v, axis=0))
    final = signs[-1]
    same = (signs[::-1] == final) & (final != 0)
    run = np.where(same.all(axis=0), same.shape[0], np.argmin(same, axis=0))
    streak = (final * run).astype(int)
    iso = lambda row: None if row < 0 else str(dates[row])[:10]  # noqa: E731
    num = lambda x: None if np.isnan(x) else float(x)  # noqa: E731
    rows = []
    for j, sym in enumerate(symbols_sorted.to_list()):
        rows.append({
            "symbol": sym,
            "asOf": iso(n - 1),
            "close": float(last[j]),
            "returns": {k: num(r[j]) for k, r in returns.items()},
            "ath": {"close": float(ath[j]), "date": iso(ath_row[j]), "distance": float(last[j] / ath[j] - 1)},
            "high52w": {"close": float(hi[j]), "date": iso(hi_row[j])} if has_year[j] else {"close": None, "date": None},
            "low52w": {"close": float(lo[j]), "date": iso(lo_row[j])} if has_year[j] else {"close": None, "date": None},
            "highestSince": iso(above[j]),
            "lowestSince": iso(below[j]),
            "streak": int(streak[j]),
        })
    return rows


def main():
    if sys.argv[1] == "parquet":
        write_parquet(sys.argv[2], sys.argv[3])
        return
    t0 = time.perf_counter()
    df = pl.scan_parquet(sys.argv[2]).select("Symbol", "Date", "Close").collect()
    t1 = time.perf_counter()
    rows = perf_table(df)
    t2 = time.perf_counter()
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as f:
            json.dump(rows, f)
    print(json.dumps({"load": t1 - t0, "compute": t2 - t1, "rows": len(rows)}))


if __name__ == "__main__":
    main()
