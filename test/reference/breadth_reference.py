"""Independent pandas check of group breadth (the note's breadth section and `marketdash breadth`).

Usage: python3 breadth_reference.py MEMBERS.csv.gz CONSTITUENTS.csv DAY [DAY ...]
Prints JSON {DAY: {members, above50, with50, above200, with200, advances, declines, unchanged,
newHighs, newLows, withYear}} over the constituents' rows of the long Symbol,Date,Adj Close file
(finite, positive closes only). Per member with a bar that DAY, on its own bars: close strictly
above rolling(50|200).mean() (with = the mean exists); against its own previous bar (advance,
decline, unchanged); a new 52-week high (low) when the close is strictly above (below) every other
close dated after DAY - DateOffset(years=1) through DAY, counted only when the member has a bar on
or before that boundary (withYear).
Also equalWeight: {1m, 3m, 6m, ytd, 1y: return} of the equal-weighted index as of DAY: each member's
return on its own previous bar (pct_change within the member), the mean of the members' returns
per date (over the union of the members' dates; a date with none leaves the index unchanged),
chained from 100; the base of each period is the last index date on or before DAY -
DateOffset(months=1|3|6), the last date of the previous year, or DAY - DateOffset(years=1).
"""
import json
import sys

import pandas as pd

members_file, constituents_file, *days = sys.argv[1:]
listed = set(pd.read_csv(constituents_file)["Ticker"].str.upper())
df = pd.read_csv(members_file, parse_dates=["Date"])
df = df[df["Symbol"].isin(listed)]
df = df[(df["Adj Close"] > 0) & df["Adj Close"].notna()].sort_values(["Symbol", "Date"])
g = df.groupby("Symbol")["Adj Close"]
df["sma50"] = g.transform(lambda s: s.rolling(50).mean())
df["sma200"] = g.transform(lambda s: s.rolling(200).mean())
df["prev"] = g.shift(1)
daily = (df["Adj Close"] / df["prev"] - 1).groupby(df["Date"]).mean()
ew = 100 * (1 + daily.fillna(0)).cumprod()
first = df.groupby("Symbol")["Date"].min()
by = {sym: grp.set_index("Date")["Adj Close"] for sym, grp in df.groupby("Symbol")}

out = {}
for day in days:
    d = pd.Timestamp(day)
    boundary = d - pd.DateOffset(years=1)
    today = df[df["Date"] == d]
    highs = lows = with_year = 0
    for sym, close in zip(today["Symbol"], today["Adj Close"]):
        if first[sym] > boundary:
            continue
        with_year += 1
        s = by[sym]
        s = s[(s.index > boundary) & (s.index < d)]
        if s.empty or close > s.max():
            highs += 1
        elif close < s.min():
            lows += 1
    has_prev = today["prev"].notna()
    out[day] = {
        "members": int(len(today)),
        "above50": int((today["Adj Close"] > today["sma50"]).sum()),
        "with50": int(today["sma50"].notna().sum()),
        "above200": int((today["Adj Close"] > today["sma200"]).sum()),
        "with200": int(today["sma200"].notna().sum()),
        "advances": int((has_prev & (today["Adj Close"] > today["prev"])).sum()),
        "declines": int((has_prev & (today["Adj Close"] < today["prev"])).sum()),
        "unchanged": int((has_prev & (today["Adj Close"] == today["prev"])).sum()),
        "newHighs": highs,
        "newLows": lows,
        "withYear": with_year,
        "equalWeight": {},
    }
    bases = {
        "1m": d - pd.DateOffset(months=1),
        "3m": d - pd.DateOffset(months=3),
        "6m": d - pd.DateOffset(months=6),
        "ytd": pd.Timestamp(d.year - 1, 12, 31),
        "1y": d - pd.DateOffset(years=1),
    }
    for key, base in bases.items():
        out[day]["equalWeight"][key] = float(ew[d] / ew[ew.index <= base].iloc[-1] - 1)
print(json.dumps(out))
