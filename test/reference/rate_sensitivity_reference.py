"""Independent pandas check of `marketdash rates` sensitivities (rates-report.test.ts).

Usage: python3 rate_sensitivity_reference.py ETF.csv DGS10.csv AS_OF
Prints JSON {daily252: beta per +10 bp, corr252, daily63, weekly52}: the ETF's adjusted closes and
the FRED yield joined on common dates (holiday blanks dropped), returns pct_change, yield changes
diff * 100 in bp, beta = cov / var over the last 252 (63) pairs; weekly = last common day of each
week (W-SUN), last 52 pairs.
"""
import json
import sys

import pandas as pd

etf = pd.read_csv(sys.argv[1], parse_dates=["Date"]).set_index("Date")["Adj Close"]
rate = pd.read_csv(sys.argv[2], parse_dates=["observation_date"]).set_index("observation_date").iloc[:, 0].dropna()
as_of = pd.Timestamp(sys.argv[3])
both = pd.concat([etf, rate], axis=1, join="inner").dropna()
both = both[both.index <= as_of]
both.columns = ["px", "y"]


def stats(frame, n):
    r = frame["px"].pct_change()
    dy = frame["y"].diff() * 100
    pairs = pd.concat([r, dy], axis=1).dropna().tail(n)
    beta = pairs.iloc[:, 0].cov(pairs.iloc[:, 1]) / pairs.iloc[:, 1].var()
    return {"betaPer10bp": beta * 10, "correlation": pairs.iloc[:, 0].corr(pairs.iloc[:, 1])}


weekly = both.groupby(both.index.to_period("W-SUN")).last()
print(json.dumps({"daily252": stats(both, 252), "daily63": stats(both, 63), "weekly52": stats(weekly, 52)}))
