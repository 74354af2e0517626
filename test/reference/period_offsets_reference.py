"""Independent pandas reference for the calendar periods (issue 15): for each as-of date, the base
date and return of 1m 3m 6m 1y 3y 5y 10y and max, with base = the last close on or before
(as-of bar's date - DateOffset(months=N) / DateOffset(years=N)), and max from the first close.

Usage: python3 period_offsets_reference.py FILE.csv AS_OF [AS_OF ...]   (Date,Adj Close files)
Prints a JSON list of {asOf, periods: {key: {base, ret}}}.
"""
import json
import sys

import pandas as pd

s = pd.read_csv(sys.argv[1], parse_dates=["Date"]).set_index("Date")["Adj Close"]
OFFSETS = {
    "1m": pd.DateOffset(months=1),
    "3m": pd.DateOffset(months=3),
    "6m": pd.DateOffset(months=6),
    "1y": pd.DateOffset(years=1),
    "3y": pd.DateOffset(years=3),
    "5y": pd.DateOffset(years=5),
    "10y": pd.DateOffset(years=10),
}
out = []
for as_of in sys.argv[2:]:
    upto = s[s.index <= pd.Timestamp(as_of)]
    day = upto.index[-1]
    periods = {}
    for key, off in OFFSETS.items():
        base = upto[upto.index <= day - off]
        periods[key] = None if base.empty else {"base": base.index[-1].strftime("%Y-%m-%d"), "ret": upto.iloc[-1] / base.iloc[-1] - 1}
    periods["max"] = {"base": upto.index[0].strftime("%Y-%m-%d"), "ret": upto.iloc[-1] / upto.iloc[0] - 1}
    out.append({"asOf": day.strftime("%Y-%m-%d"), "periods": periods})
print(json.dumps(out))
