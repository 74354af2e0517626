"""Independent pandas check of "small caps vs the Mag 7 after FOMC cuts" (rates-report.test.ts).

Usage: python3 after_cuts_reference.py DATA_DIR FOMC_JSON AS_OF N [N ...]
Prints JSON {N: {outcomes: [[decision, base, change]], median, shareUp}} for the IWM/MAG7 ratio:
IWM's adjusted closes over the equal-weight MAG7 basket rebuilt in pandas (mag7_basket of
test/acceptance/reference_column.py: base 100, units reset at each calendar quarter's last session),
on the dates both have, up to AS_OF. For each cut (decisionBp < 0) the base is the last ratio value on
or before the decision day, if at most 4 calendar days before it; the change is the value N rows later
over the base, minus 1, counted only when that row is on or before AS_OF.
"""
import json
import os
import sys

import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "acceptance"))
from reference_column import MAG7, load, mag7_basket  # noqa: E402

data, fomc_file, as_of, *ns = sys.argv[1:]
closes = {s: load(data, s) for s in MAG7 + ["IWM"]}
ratio = pd.concat([closes["IWM"], mag7_basket(closes)], axis=1, join="inner").dropna()
ratio = (ratio.iloc[:, 0] / ratio.iloc[:, 1]).loc[:as_of]
cuts = [m["date"] for m in json.load(open(fomc_file)) if (m.get("decisionBp") or 0) < 0]
out = {}
for n in map(int, ns):
    rows = []
    for day in cuts:
        before = ratio.loc[:day]
        if before.empty or (pd.Timestamp(day) - before.index[-1]).days > 4:
            continue
        k = len(before) - 1
        if k + n >= len(ratio):
            continue
        rows.append([day, before.index[-1].strftime("%Y-%m-%d"), float(ratio.iloc[k + n] / ratio.iloc[k] - 1)])
    changes = pd.Series([r[2] for r in rows], dtype=float)
    out[n] = {
        "outcomes": rows,
        "median": None if changes.empty else float(changes.median()),
        "shareUp": None if changes.empty else float((changes > 0).mean()),
    }
print(json.dumps(out))
