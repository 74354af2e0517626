"""The perf table for a whole universe with polars, the peer bench/perf-bench.ts times as a whole
process against `marketdash perf --all`. Written as a polars user would: one lazy query over the
parquet file (only Symbol, Date and Close are read, sorted by symbol and date so the file's order does
not matter), a group_by per symbol whose expressions compute every figure, run by polars' own
multithreaded engine (no numpy, no Python loop over bars). As of the last date in the file.

Until 2026-12-06 this peer built a dates x symbols matrix and computed with numpy: 3.1-5.8 s at
3,000 x 20 y against 2.1-2.5 s for this query in paired runs (load 10), the same table to the last bit.
A slow peer flatters the "half of polars" goal, so the bench times this one.

  perf_table_polars.py parquet CSV PARQUET   convert the long universe CSV once
  perf_table_polars.py time PARQUET [OUT]    read and compute; prints {"load", "compute", "rows"};
                                             with OUT, writes the rows as the CLI's JSON contract
                                             ("load" is 0: the scan and the compute are one query)
"""
import datetime as dt
import json
import sys
import time

import polars as pl


def write_parquet(csv, out):
    pl.scan_csv(csv, try_parse_dates=True).sink_parquet(out)


def years_before(day, years):
    """The same calendar date `years` earlier; Feb 29 maps to Feb 28 (as marketdash does)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def perf_query(lf, day):
    close, date = pl.col("Close"), pl.col("Date")
    last = close.last()

    def base(boundary):
        # the close of the last bar on or before the boundary; null when the symbol starts after it
        return close.filter(date <= boundary).last()

    month_start = day.replace(day=1)
    quarter_start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    bases = {
        "1d": close.shift(1).last(),
        "5d": close.shift(5).last(),
        "mtd": base(month_start - dt.timedelta(days=1)),
        "qtd": base(quarter_start - dt.timedelta(days=1)),
        "ytd": base(dt.date(day.year - 1, 12, 31)),
        "1y": base(years_before(day, 1)),
        "3y": base(years_before(day, 3)),
        "5y": base(years_before(day, 5)),
    }
    year_ago = years_before(day, 1)
    in_year = date > year_ago
    sign = close.diff().sign()
    final = sign.last()
    run = (sign.reverse() == final).fill_null(False).cast(pl.Int64).cum_prod().sum()
    return lf.group_by("Symbol").agg(
        last.alias("close"),
        *[(last / b - 1).alias(k) for k, b in bases.items()],
        close.max().alias("ath"),
        date.get(close.arg_max()).alias("athDate"),
        (date.first() <= year_ago).alias("hasYear"),
        close.filter(in_year).max().alias("hi"),
        date.filter(in_year).get(close.filter(in_year).arg_max()).alias("hiDate"),
        close.filter(in_year).min().alias("lo"),
        date.filter(in_year).get(close.filter(in_year).arg_min()).alias("loDate"),
        date.filter(close > last).last().alias("highestSince"),
        date.filter(close < last).last().alias("lowestSince"),
        pl.when(final == 0).then(0).otherwise(final * run).cast(pl.Int64).alias("streak"),
    ).sort("Symbol")


def rows_of(table, day):
    iso = lambda d: None if d is None else d.isoformat()[:10]  # noqa: E731
    as_of = day.isoformat()
    rows = []
    for r in table.iter_rows(named=True):
        rows.append({
            "symbol": r["Symbol"],
            "asOf": as_of,
            "close": r["close"],
            "returns": {k: r[k] for k in ("1d", "5d", "mtd", "qtd", "ytd", "1y", "3y", "5y")},
            "ath": {"close": r["ath"], "date": iso(r["athDate"]), "distance": r["close"] / r["ath"] - 1},
            "high52w": {"close": r["hi"], "date": iso(r["hiDate"])} if r["hasYear"] else {"close": None, "date": None},
            "low52w": {"close": r["lo"], "date": iso(r["loDate"])} if r["hasYear"] else {"close": None, "date": None},
            "highestSince": iso(r["highestSince"]),
            "lowestSince": iso(r["lowestSince"]),
            "streak": r["streak"],
        })
    return rows


def main():
    if sys.argv[1] == "parquet":
        write_parquet(sys.argv[2], sys.argv[3])
        return
    t0 = time.perf_counter()
    lf = pl.scan_parquet(sys.argv[2]).select("Symbol", "Date", "Close")
    last_day = lf.select(pl.col("Date").max()).collect().item()
    day = last_day if isinstance(last_day, dt.date) else dt.date.fromisoformat(str(last_day)[:10])
    if isinstance(day, dt.datetime):
        day = day.date()
    table = perf_query(lf.sort("Symbol", "Date"), day).collect()
    t1 = time.perf_counter()
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as f:
            json.dump(rows_of(table, day), f)
    print(json.dumps({"load": 0, "compute": t1 - t0, "rows": table.height}))


if __name__ == "__main__":
    main()
