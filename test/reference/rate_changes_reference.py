"""Independent pandas check of the regime panel's rates (regime-report.test.ts).

Usage: python3 rate_changes_reference.py DGS2.csv DGS10.csv DFF.csv AS_OF SINCE
Prints JSON {SYMBOL: {date, level, since, 1m, 3m, ytd}, "curve": {...}}: each FRED file read with
holiday blanks dropped; the level is the last value on or before AS_OF; each change is
(level - the last value on or before the base) * 100, rounded to whole basis points, the bases being
the value's date minus pandas' DateOffset(months=1 / 3), the previous Dec 31, and SINCE. The curve is
DGS10 - DGS2 on the dates both have (inner join), treated the same way.
"""
import json
import sys

import pandas as pd


def read(path):
    s = pd.read_csv(path, parse_dates=["observation_date"]).set_index("observation_date").iloc[:, 0]
    return pd.to_numeric(s, errors="coerce").dropna()


def describe(s, as_of, since):
    s = s[s.index <= as_of]
    day = s.index[-1]
    level = float(s.iloc[-1])

    def bp(base):
        before = s[s.index <= base]
        return None if before.empty else int(round((level - float(before.iloc[-1])) * 100))

    return {
        "date": day.strftime("%Y-%m-%d"),
        "level": level,
        "1m": bp(day - pd.DateOffset(months=1)),
        "3m": bp(day - pd.DateOffset(months=3)),
        "ytd": bp(pd.Timestamp(year=day.year - 1, month=12, day=31)),
        "since": bp(since),
    }


two, ten, dff = (read(p) for p in sys.argv[1:4])
as_of, since = pd.Timestamp(sys.argv[4]), pd.Timestamp(sys.argv[5])
curve = pd.concat([ten, two], axis=1, join="inner")
curve = (curve.iloc[:, 0] - curve.iloc[:, 1]).round(6)
out = {"DGS2": describe(two, as_of, since), "DGS10": describe(ten, as_of, since), "DFF": describe(dff, as_of, since)}
out["curve"] = describe(curve, as_of, since)
print(json.dumps(out))
