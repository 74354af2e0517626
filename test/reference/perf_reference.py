#!/usr/bin/python3
"""Independent reference for the `perf` figures, written with pandas idioms (label slicing, DateOffset,
idxmax) rather than the TypeScript algorithms, for test/reference/perf-reference.test.ts.

Usage: perf_reference.py '<json request>'  where the request is
  {"files": [path, ...], "asOf": ["YYYY-MM-DD" | null, ...], "totalReturn": [false, true]}
Prints a JSON list of perf rows (the CLI contract) for every file x asOf x totalReturn, each with
"totalReturn" and "requestedAsOf" added. Conventions: see docs/readme/performance-analytics.md.
"""
import json
import os
import sys

import numpy as np
import pandas as pd


def column(df, total_return):
    if total_return:
        return df["Adj Close"] if "Adj Close" in df.columns else df["Close"]
    return df["Close"] if "Close" in df.columns else df["Adj Close"]


def base_return(h, boundary, close):
    before = h.loc[:boundary]
    if len(before) == 0:
        return None
    return float(close / before.iloc[-1] - 1)


def annualised(h, boundary, close):
    """CAGR: (1 + total) ** (365.25 / calendar days) - 1, only for spans of more than 366 days."""
    before = h.loc[:boundary] if boundary is not None else h.iloc[:1]
    if len(before) == 0 or before.index[-1] == h.index[-1]:
        return None
    days = (h.index[-1] - before.index[-1]).days
    if days <= 366:
        return None
    return float((close / before.iloc[-1]) ** (365.25 / days) - 1)


def iso(ts):
    return None if ts is None else ts.strftime("%Y-%m-%d")


def perf_row(symbol, s, as_of):
    h = s if as_of is None else s.loc[: pd.Timestamp(as_of)]
    if len(h) == 0:
        return None
    day = h.index[-1]
    close = float(h.iloc[-1])
    month_start = pd.Timestamp(day.year, day.month, 1)
    quarter_start = pd.Timestamp(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    returns = {
        "1d": float(close / h.iloc[-2] - 1) if len(h) >= 2 else None,
        "5d": float(close / h.iloc[-6] - 1) if len(h) >= 6 else None,
        "mtd": base_return(h, month_start - pd.Timedelta(days=1), close),
        "qtd": base_return(h, quarter_start - pd.Timedelta(days=1), close),
        "ytd": base_return(h, pd.Timestamp(day.year - 1, 12, 31), close),
        # DateOffset(years=N) maps Feb 29 to Feb 28 in a year without one.
        "1y": base_return(h, day - pd.DateOffset(years=1), close),
        "3y": base_return(h, day - pd.DateOffset(years=3), close),
        "5y": base_return(h, day - pd.DateOffset(years=5), close),
        "10y": base_return(h, day - pd.DateOffset(years=10), close),
        "max": float(close / h.iloc[0] - 1) if len(h) >= 2 else None,
    }
    # DateOffset(months=N) clamps to the month's last day (May 31 - 3 months -> Feb 28/29).
    for n in (1, 3, 6):
        returns[f"{n}m"] = base_return(h, day - pd.DateOffset(months=n), close)
    cagr = {f"{n}y": annualised(h, day - pd.DateOffset(years=n), close) for n in (3, 5, 10)}
    cagr["max"] = annualised(h, None, close) if len(h) >= 2 else None
    ath_date = h.idxmax()  # first occurrence on ties
    ath = float(h.max())
    year_ago = day - pd.DateOffset(years=1)
    if h.index[0] <= year_ago:
        window = h[h.index > year_ago]
        high52 = {"close": float(window.max()), "date": iso(window.idxmax())}
        low52 = {"close": float(window.min()), "date": iso(window.idxmin())}
    else:
        high52 = {"close": None, "date": None}
        low52 = {"close": None, "date": None}
    prior = h.iloc[:-1]
    above = prior[prior > close]
    below = prior[prior < close]
    signs = np.sign(h.diff().to_numpy()[1:])
    streak = 0
    if len(signs) and signs[-1] != 0:
        last = signs[-1]
        run = 0
        for v in signs[::-1]:
            if v != last:
                break
            run += 1
        streak = int(last * run)
    return {
        "symbol": symbol,
        "asOf": iso(day),
        "close": close,
        "returns": returns,
        "cagr": cagr,
        "ath": {"close": ath, "date": iso(ath_date), "distance": float(close / ath - 1)},
        "high52w": high52,
        "low52w": low52,
        "highestSince": iso(above.index[-1]) if len(above) else None,
        "lowestSince": iso(below.index[-1]) if len(below) else None,
        "streak": streak,
    }


def main():
    req = json.loads(sys.argv[1])
    out = []
    for path in req["files"]:
        symbol = os.path.basename(path)[: -len(".csv")]
        df = pd.read_csv(path, parse_dates=["Date"], index_col="Date").sort_index()
        for total_return in req["totalReturn"]:
            s = column(df, total_return).astype(float)
            for as_of in req["asOf"]:
                row = perf_row(symbol, s, as_of)
                if row is not None:
                    row["totalReturn"] = total_return
                    row["requestedAsOf"] = as_of
                    out.append(row)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
