#!/usr/bin/python3
"""Independent pandas figures for the reference column (../shared/seed/the-great-rotation.txt) as of
2025-12-11, for test/acceptance/reference-column.test.ts. Written from the data files and the stated
conventions only (no MarketDash code), with pandas idioms: label slicing for "on or before", a
rolling mean for the 200-day average, a groupby of calendar quarters for the basket rebalance.

Usage: /usr/bin/python3 reference_column.py <data dir (../shared/data)> <as-of YYYY-MM-DD> <anchor A> <anchor B>
(the anchors: the two dates of the SPSM/MAG7 trendline MarketDash drew; the script reads the values on
them and checks the line against every weekly close itself). Prints one JSON object. Conventions:
- a return is close(as-of) / close(last bar on or before the base day) - 1; YTD base = 2024-12-31,
  one-year base = the same date a year earlier (2024-12-11);
- the ETF and stock files hold adjusted closes only (`Adj Close`), so their returns are total returns;
  ^RUT and ^VIX are index levels (`Close`);
- MAG7 = equal-weight AAPL MSFT GOOGL AMZN NVDA META TSLA, base 100 on the first day all seven have a
  bar, units reset to equal weights at the close of the last trading day of each calendar quarter;
- "lowest close since" = the last earlier day with a close strictly below the as-of close; the VIX
  percentile = share (0-100) of the other closes after the same date N years earlier that are below it;
- the note's n-session moves: close / the close n bars earlier - 1 (the spread is the
  difference of the two returns; the ratio move is SPSM/MAG7 over its value 21 sessions earlier);
- trendline: weekly closes = the last bar of each ISO week (Monday to Sunday), dated at that bar; the
  line is straight in log space against calendar days through the two anchors;
- rotation: weekly closes as above; RS = 100 * fund / SPY; RS-Ratio = 100 + rolling 14-week z-score of
  RS (sample standard deviation); RS-Momentum = 100 + rolling 14-week z-score of the 5-week % change of
  RS-Ratio; quadrant by which side of 100 each lies;
- beating the benchmark: a member's return over its last 63 bars above IJR's over its last 63 bars;
- breadth: members of constituents/sp600.csv with a bar on the as-of day; above the n-day average =
  close > mean of the member's own last n closes (members with fewer than n bars are not counted).
"""
import json
import os
import sys

import numpy as np
import pandas as pd

MAG7 = ["AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA"]
SECTORS = ["XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY"]
TABLE = ["NVDA", "AAPL", "MSFT", "AMZN", "GOOGL", "GOOG", "META", "TSLA", "MAGS", "SPSM", "IWM", "^RUT"]


def load(data, symbol):
    if symbol.startswith("^"):
        df = pd.read_csv(os.path.join(data, "real", "indices", f"{symbol}.csv"), parse_dates=["Date"], index_col="Date")
        return df["Close"].astype(float).sort_index()
    df = pd.read_csv(os.path.join(data, "real", "etfs-and-megacaps", f"{symbol}.csv"), parse_dates=["Date"], index_col="Date")
    return df["Adj Close"].astype(float).sort_index()


def ret(s, as_of, base_day):
    h = s.loc[:as_of]
    base = s.loc[:base_day]
    return {"value": float(h.iloc[-1] / base.iloc[-1] - 1), "baseDate": base.index[-1].strftime("%Y-%m-%d")}


def streak_at(s):
    """Signed count of same-direction daily changes ending at the last bar (0 after an unchanged day)."""
    d = np.sign(s.diff().dropna().to_numpy())
    if len(d) == 0 or d[-1] == 0:
        return 0
    run = 0
    for v in d[::-1]:
        if v != d[-1]:
            break
        run += 1
    return int(d[-1] * run)


def mag7_basket(closes):
    """Equal-weight MAG7 levels: units reset to equal weights at the close of each quarter's last trading day."""
    frame = pd.concat({m: closes[m] for m in MAG7}, axis=1)
    start = max(closes[m].index[0] for m in MAG7)
    end = min(closes[m].index[-1] for m in MAG7)
    frame = frame.loc[start:end].ffill()
    last_of_quarter = frame.groupby(frame.index.to_period("Q")).tail(1).index
    values = frame.to_numpy()
    units = (100.0 / len(MAG7)) / values[0]
    out = np.empty(len(frame))
    for i in range(len(frame)):
        out[i] = float(np.dot(units, values[i]))
        if frame.index[i] in last_of_quarter and i + 1 < len(frame):
            units = (out[i] / len(MAG7)) / values[i]
    return pd.Series(out, index=frame.index)


def trendline(ratio, as_of, anchor_a, anchor_b):
    daily = ratio.loc[:as_of]
    weeks = daily.groupby(daily.index.to_period("W-SUN")).tail(1)
    a, b = pd.Timestamp(anchor_a), pd.Timestamp(anchor_b)
    va, vb = float(weeks.loc[a]), float(weeks.loc[b])
    per_day = (np.log(vb) - np.log(va)) / (b - a).days

    def line(ts):
        return np.exp(np.log(va) + per_day * (ts - a).days)

    beyond = pd.Series([v / line(ts) - 1 for ts, v in weeks.items()], index=weeks.index)
    after_b = beyond.loc[b:].iloc[1:]
    first_break = after_b[after_b > 0].index[0]
    held = beyond.loc[a:first_break].iloc[:-1]
    asof_day = daily.index[-1]
    return {
        "anchorValues": [va, vb],
        "slopeLogPerYear": float(per_day * 365.25),
        "levelAtAsOf": float(line(asof_day)),
        "distance": float(daily.iloc[-1] / line(asof_day) - 1),
        "firstWeeklyCloseAbove": first_break.strftime("%Y-%m-%d"),
        "maxBeyondBeforeBreak": float(held.max()),
        "weeklyBeyondSinceBreak": {ts.strftime("%Y-%m-%d"): float(v) for ts, v in beyond.loc[first_break:].items()},
        "dailyBeyondLastWeek": {ts.strftime("%Y-%m-%d"): float(v / line(ts) - 1) for ts, v in daily.loc[asof_day - pd.Timedelta(days=asof_day.dayofweek):].items()},
    }


def rotation(closes, as_of):
    """RS-Ratio / RS-Momentum of each sector fund against SPY on weekly closes (14-week windows, 5-week ROC)."""
    out = {}
    for s in SECTORS:
        df = pd.concat({"p": closes[s].loc[:as_of], "b": closes["SPY"].loc[:as_of]}, axis=1).dropna()
        w = df.groupby(df.index.to_period("W-SUN")).tail(1)
        rs = 100 * w["p"] / w["b"]
        rr = 100 + (rs - rs.rolling(14).mean()) / rs.rolling(14).std()
        roc = 100 * (rr / rr.shift(5) - 1)
        rm = 100 + (roc - roc.rolling(14).mean()) / roc.rolling(14).std()
        x, y = float(rr.iloc[-1]), float(rm.iloc[-1])
        quadrant = ("leading" if y >= 100 else "weakening") if x >= 100 else ("improving" if y >= 100 else "lagging")
        out[s] = {"rsRatio": x, "rsMomentum": y, "quadrant": quadrant}
    return out


def breadth(data, as_of):
    members = pd.read_csv(os.path.join(data, "real", "constituents", "sp600.csv"))["Ticker"].str.strip().str.upper()
    long = pd.read_csv(os.path.join(data, "real", "sp600-members-adjclose-2015.csv.gz"), parse_dates=["Date"])
    long = long[long["Symbol"].isin(set(members)) & (long["Date"] <= as_of)].sort_values(["Symbol", "Date"])
    g = long.groupby("Symbol")["Adj Close"]
    long["sma50"] = g.transform(lambda x: x.rolling(50).mean())
    long["sma200"] = g.transform(lambda x: x.rolling(200).mean())
    long["prev"] = g.shift(1)
    long["r63"] = long["Adj Close"] / g.shift(63) - 1
    ijr = pd.read_csv(os.path.join(data, "real", "etfs-and-megacaps", "IJR.csv"), parse_dates=["Date"], index_col="Date")["Adj Close"].loc[:as_of]
    ijr63 = float(ijr.iloc[-1] / ijr.iloc[-64] - 1)
    today = long[long["Date"] == as_of]
    with50 = today["sma50"].notna()
    with200 = today["sma200"].notna()
    return {
        "listed": int(members.nunique()),
        "trading": int(len(today)),
        "above50": int((today["Adj Close"] > today["sma50"])[with50].sum()),
        "with50": int(with50.sum()),
        "above200": int((today["Adj Close"] > today["sma200"])[with200].sum()),
        "with200": int(with200.sum()),
        "advances": int((today["Adj Close"] > today["prev"]).sum()),
        "declines": int((today["Adj Close"] < today["prev"]).sum()),
        "beatingIjr63": int((today["r63"] > ijr63).sum()),
        "with63": int(today["r63"].notna().sum()),
    }


def main():
    data, as_of_text = sys.argv[1], sys.argv[2]
    as_of = pd.Timestamp(as_of_text)
    ytd_base = pd.Timestamp(as_of.year - 1, 12, 31)
    year_base = as_of - pd.DateOffset(years=1)
    closes = {s: load(data, s) for s in sorted(set(TABLE + MAG7 + SECTORS + ["SPY", "^VIX"]))}
    out = {"asOf": as_of_text, "returns": {}, "ath": {}}
    for s in TABLE:
        out["returns"][s] = {"ytd": ret(closes[s], as_of, ytd_base), "1y": ret(closes[s], as_of, year_base)}
    for s in ["IWM", "^RUT", "SPSM"]:
        h = closes[s].loc[:as_of]
        prior = h.iloc[:-1]
        out["ath"][s] = {
            "close": float(h.max()),
            "date": h.idxmax().strftime("%Y-%m-%d"),
            "distance": float(h.iloc[-1] / h.max() - 1),
            "previousHigh": float(prior.max()),
            "previousHighDate": prior.idxmax().strftime("%Y-%m-%d"),
        }
    vix = closes["^VIX"].loc[:as_of]
    lower = vix.iloc[:-1][vix.iloc[:-1] < vix.iloc[-1]]
    out["vix"] = {"close": float(vix.iloc[-1]), "lowestSince": lower.index[-1].strftime("%Y-%m-%d"), "thenClose": float(lower.iloc[-1])}
    for years in (1, 5):
        others = vix[vix.index > vix.index[-1] - pd.DateOffset(years=years)].iloc[:-1]
        out["vix"][f"percentile{years}y"] = float(100 * (others < vix.iloc[-1]).sum() / len(others))
    xlk = closes["XLK"].loc[:as_of]
    before = streak_at(xlk.iloc[:-1])
    out["xlk"] = {
        "streakBefore": before,
        "streakNow": streak_at(xlk),
        "streakReturn": float(xlk.iloc[-2] / xlk.iloc[-2 - before] - 1),
        "dayReturn": float(xlk.iloc[-1] / xlk.iloc[-2] - 1),
        "streakStart": xlk.index[-2 - before].strftime("%Y-%m-%d"),
    }
    basket = mag7_basket(closes)
    ratio = (closes["SPSM"] / basket).dropna()
    out["mag7"] = {"first": basket.index[0].strftime("%Y-%m-%d"), "levelAsOf": float(basket.loc[:as_of].iloc[-1]), "ytd": ret(basket, as_of, ytd_base), "1y": ret(basket, as_of, year_base)}
    out["ratio"] = {"last": float(ratio.loc[:as_of].iloc[-1]), "ytd": ret(ratio, as_of, ytd_base), "1y": ret(ratio, as_of, year_base)}
    def sessions(s, n):
        return float(s.loc[:as_of].iloc[-1] / s.loc[:as_of].iloc[-1 - n] - 1)

    out["note"] = {
        "spsmMinusMag7Over21": sessions(closes["SPSM"], 21) - sessions(basket, 21),
        "ratioOver21": sessions(ratio, 21),
        "mag7Over5": sessions(basket, 5),
        "vixDay": sessions(closes["^VIX"], 1),
    }
    tsla = closes["TSLA"]
    tsla_ytd = tsla.loc["2025-01-01":"2025-12-31"] / tsla.loc[:ytd_base].iloc[-1] - 1
    out["tslaBestYtd2025"] = {"value": float(tsla_ytd.max()), "date": tsla_ytd.idxmax().strftime("%Y-%m-%d")}
    out["trend"] = trendline(ratio, as_of, sys.argv[3], sys.argv[4])
    out["rotation"] = rotation(closes, as_of)
    out["breadth"] = breadth(data, as_of)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
