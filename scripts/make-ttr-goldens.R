# Makes the golden files for MarketDash's indicator tests with R's TTR package (the reference).
# Generates a few seeded OHLC series in R (irregular trading dates with a halt, flat stretches,
# a strictly rising start, leading missing values), computes every indicator for several parameter
# sets with TTR, and writes one CSV per series to the output folder: the inputs (date, high, low,
# close) then one column per indicator output, named as `marketdash indicators` names them; and,
# when the shared real data is beside the repository, real/vix-last-250.csv (see the end).
# NA marks warm-up (and TTR's NaN for RSI's 0/0). Run it with scripts/make-ttr-goldens.sh.
#
# Usage: Rscript scripts/make-ttr-goldens.R [out-dir]   (default test/fixtures/ttr)

suppressPackageStartupMessages(library(TTR))

args <- commandArgs(trailingOnly = TRUE)
out_dir <- if (length(args) >= 1) args[[1]] else "test/fixtures/ttr"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

# Fixed generator settings so the files are the same on every R version since 3.6.
RNGkind("Mersenne-Twister", "Inversion", "Rejection")

# The parameter sets: those of the CLI example and others (short, long, fractional sd).
SMA_N <- c(5, 20, 50)
EMA_N <- c(5, 20, 50)
RSI_N <- c(2, 14)
MACD_P <- list(c(12, 26, 9), c(5, 35, 5))
BB_P <- list(c(20, 2), c(10, 1.5))
ATR_N <- c(5, 14)
ROC_N <- c(1, 10)

# Weekdays from 2015-01-02, each skipped with probability 4% (holidays), plus a ten-weekday halt.
trading_dates <- function(n, seed) {
  set.seed(seed)
  days <- seq(as.Date("2015-01-02"), by = "day", length.out = n * 3)
  days <- days[!(format(days, "%u") %in% c("6", "7"))]
  days <- days[runif(length(days)) > 0.04]
  halt <- 60:69
  days <- days[-halt]
  days[seq_len(n)]
}

# A geometric random walk of closes with opens, highs and lows around them, rounded to 4 decimals.
random_ohlc <- function(n, level, vol, seed) {
  set.seed(seed)
  close <- level * exp(cumsum(rnorm(n, 0, vol)))
  open <- c(level, head(close, -1)) * exp(rnorm(n, 0, vol / 4))
  high <- pmax(open, close) * exp(abs(rnorm(n, 0, vol / 2)))
  low <- pmin(open, close) * exp(-abs(rnorm(n, 0, vol / 2)))
  data.frame(high = round(high, 4), low = round(low, 4), close = round(close, 4))
}

flat_rows <- function(bars, rows, value) {
  bars$high[rows] <- value
  bars$low[rows] <- value
  bars$close[rows] <- value
  bars
}

make_series <- function() {
  s <- list()

  # Random walk on irregular dates (holidays and a halt): the plain case.
  b <- random_ohlc(320, 100, 0.015, 11)
  s[["random-walk-gaps"]] <- cbind(date = trading_dates(320, 12), b)

  # An index-like level with a 50-session flat stretch (zero-range bars: zero gains and losses,
  # zero true range, zero standard deviation) and a short 8-session one.
  b <- random_ohlc(300, 3000, 0.01, 21)
  b <- flat_rows(b, 121:170, b$close[120])
  b <- flat_rows(b, 231:238, b$close[230])
  s[["flat-stretches"]] <- cbind(date = trading_dates(300, 22), b)

  # A VIX-like level that starts flat for 40 sessions: RSI is 0/0 (TTR's NaN), ATR and sd are 0.
  b <- random_ohlc(200, 15, 0.05, 31)
  b <- flat_rows(b, 1:40, 15)
  s[["flat-start"]] <- cbind(date = trading_dates(200, 32), b)

  # 70 strictly rising closes (no losses: RSI 100), a random middle, 60 strictly falling closes.
  b <- random_ohlc(240, 50, 0.02, 41)
  up <- 50 * cumprod(rep(1.004, 70))
  mid <- b$close[71:180] / b$close[71] * up[70] * 1.002
  down <- mid[110] * cumprod(rep(0.995, 60))
  close <- round(c(up, mid, down), 4)
  b <- data.frame(high = round(close * 1.006, 4), low = round(close * 0.993, 4), close = close)
  s[["rising-then-falling"]] <- cbind(date = trading_dates(240, 42), b)

  # History that starts late: 10 rows with nothing, then 12 close-only rows (no high/low yet).
  b <- random_ohlc(150, 250, 0.012, 51)
  b$high[1:22] <- NA
  b$low[1:22] <- NA
  b$close[1:10] <- NA
  s[["leading-gaps"]] <- cbind(date = trading_dates(150, 52), b)

  s
}

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.12g", x))
lbl <- function(x) format(x, trim = TRUE)

indicators <- function(b) {
  close <- b$close
  hlc <- cbind(b$high, b$low, b$close)
  out <- list()
  for (n in SMA_N) out[[paste0("sma_", n)]] <- SMA(close, n)
  for (n in EMA_N) out[[paste0("ema_", n)]] <- EMA(close, n)
  for (n in RSI_N) out[[paste0("rsi_", n)]] <- RSI(close, n)
  for (p in MACD_P) {
    key <- paste(p, collapse = "_")
    m <- MACD(close, nFast = p[1], nSlow = p[2], nSig = p[3], percent = FALSE)
    out[[paste0("macd_", key)]] <- m[, "macd"]
    out[[paste0("macd_signal_", key)]] <- m[, "signal"]
    out[[paste0("macd_hist_", key)]] <- m[, "macd"] - m[, "signal"]
  }
  for (p in BB_P) {
    key <- paste(lbl(p[1]), lbl(p[2]), sep = "_")
    bb <- BBands(close, n = p[1], sd = p[2])
    out[[paste0("bb_lower_", key)]] <- bb[, "dn"]
    out[[paste0("bb_middle_", key)]] <- bb[, "mavg"]
    out[[paste0("bb_upper_", key)]] <- bb[, "up"]
  }
  for (n in ATR_N) out[[paste0("atr_", n)]] <- ATR(hlc, n)[, "atr"]
  for (n in ROC_N) out[[paste0("roc_", n)]] <- ROC(close, n, type = "discrete")
  out
}

series <- make_series()
for (name in names(series)) {
  b <- series[[name]]
  cols <- indicators(b)
  table <- data.frame(
    date = format(b$date, "%Y-%m-%d"),
    high = fmt(b$high), low = fmt(b$low), close = fmt(b$close),
    lapply(cols, fmt),
    check.names = FALSE, stringsAsFactors = FALSE
  )
  path <- file.path(out_dir, paste0(name, ".csv"))
  write.csv(table, path, row.names = FALSE, quote = FALSE)
  cat(sprintf("wrote %s (%d rows, %d indicator columns)\n", path, nrow(table), length(cols)))
}
# Real data: the CLI example's indicators over the whole VIX history (1990 on, about 9,000 rows),
# keeping only the last 250 rows, so the test checks that nothing drifts over decades. Needs the
# shared data folder (../shared beside the repository, or $MARKETDASH_SHARED_DIR).
shared <- Sys.getenv("MARKETDASH_SHARED_DIR", "../shared")
vix_path <- file.path(shared, "data", "real", "indices", "^VIX.csv")
if (file.exists(vix_path)) {
  vix <- read.csv(vix_path, stringsAsFactors = FALSE)
  close <- vix$Close
  m <- MACD(close, 12, 26, 9, percent = FALSE)
  bb <- BBands(close, 20, sd = 2)
  cols <- list(
    sma_20 = SMA(close, 20), ema_20 = EMA(close, 20), rsi_14 = RSI(close, 14),
    macd_12_26_9 = m[, "macd"], macd_signal_12_26_9 = m[, "signal"], macd_hist_12_26_9 = m[, "macd"] - m[, "signal"],
    bb_lower_20_2 = bb[, "dn"], bb_middle_20_2 = bb[, "mavg"], bb_upper_20_2 = bb[, "up"],
    atr_14 = ATR(cbind(vix$High, vix$Low, close), 14)[, "atr"], roc_10 = ROC(close, 10, type = "discrete")
  )
  tail_rows <- seq(nrow(vix) - 249, nrow(vix))
  table <- data.frame(date = vix$Date[tail_rows], lapply(cols, function(x) fmt(x[tail_rows])), check.names = FALSE)
  path <- file.path(out_dir, "real", "vix-last-250.csv")
  dir.create(dirname(path), showWarnings = FALSE)
  write.csv(table, path, row.names = FALSE, quote = FALSE)
  cat(sprintf("wrote %s (last 250 of %d rows of %s)\n", path, nrow(vix), vix_path))
} else {
  cat(sprintf("skipped the real-data golden: %s not found\n", vix_path))
}
cat(sprintf("TTR %s, %s\n", as.character(packageVersion("TTR")), R.version.string))

# The TTR set (issue 15): every further indicator on real bars, the last 600 sessions of the
# Russell 2000 (^RUT: open, high, low, close and volume), computed on exactly those 600 rows so
# the file holds its own inputs and the warm-up NA rows. Columns are named as `marketdash
# indicators` names them. ADXR is not a TTR output: it is (ADX + ADX n rows earlier) / 2, Wilder's
# definition, computed here from TTR's ADX. runCor correlates close with volume (a check of the
# function; the product uses it for returns). Written to real/rut-ttr-set.csv.
rut_path <- file.path(shared, "data", "real", "indices", "^RUT.csv")
if (file.exists(rut_path)) {
  rut <- read.csv(rut_path, stringsAsFactors = FALSE)
  rut <- rut[seq(nrow(rut) - 599, nrow(rut)), ]
  o <- rut$Open; h <- rut$High; l <- rut$Low; cl <- rut$Close; v <- rut$Volume
  hlc <- cbind(h, l, cl); hl <- cbind(h, l); ohlc <- cbind(o, h, l, cl)
  lagn <- function(x, n) c(rep(NA, n), head(x, -n))
  cols <- list()
  a <- ADX(hlc, 14)
  cols$adx_dip_14 <- a[, "DIp"]; cols$adx_din_14 <- a[, "DIn"]; cols$adx_dx_14 <- a[, "DX"]
  cols$adx_14 <- a[, "ADX"]; cols$adx_adxr_14 <- (a[, "ADX"] + lagn(a[, "ADX"], 14)) / 2
  s <- stoch(hlc, 14, 3, 3)
  cols$stoch_fastk_14_3_3 <- s[, "fastK"]; cols$stoch_fastd_14_3_3 <- s[, "fastD"]; cols$stoch_slowd_14_3_3 <- s[, "slowD"]
  cols$wpr_14 <- WPR(hlc, 14)
  cols$cci_20_0.015 <- CCI(hlc, 20)
  cols$mfi_14 <- MFI(hlc, v, 14)
  cols$obv <- OBV(cl, v)
  cols$cmf_20 <- CMF(hlc, v, 20)
  cols$chaikinad <- chaikinAD(hlc, v)
  ar <- aroon(hl, 20)
  cols$aroon_up_20 <- ar[, "aroonUp"]; cols$aroon_dn_20 <- ar[, "aroonDn"]; cols$aroon_osc_20 <- ar[, "oscillator"]
  dc <- DonchianChannel(hl, 20)
  cols$donchian_high_20 <- dc[, "high"]; cols$donchian_mid_20 <- dc[, "mid"]; cols$donchian_low_20 <- dc[, "low"]
  kc <- keltnerChannels(hlc, 20, atr = 2)
  cols$keltner_dn_20_2 <- kc[, "dn"]; cols$keltner_mavg_20_2 <- kc[, "mavg"]; cols$keltner_up_20_2 <- kc[, "up"]
  cols$sar_0.02_0.2 <- SAR(hl, c(0.02, 0.2))[, 1]
  p <- MACD(cl, 12, 26, 9, percent = TRUE)
  cols$ppo_12_26_9 <- p[, "macd"]; cols$ppo_signal_12_26_9 <- p[, "signal"]; cols$ppo_hist_12_26_9 <- p[, "macd"] - p[, "signal"]
  tx <- TRIX(cl, 20)
  cols$trix_20 <- tx[, "TRIX"]; cols$trix_signal_20 <- tx[, "signal"]
  cols$momentum_1 <- momentum(cl, 1); cols$momentum_10 <- momentum(cl, 10)
  cols$wma_20 <- WMA(cl, 20)
  cols$dema_20 <- DEMA(cl, 20)
  cols$zlema_10 <- ZLEMA(cl, 10); cols$zlema_20 <- ZLEMA(cl, 20)
  cols$hma_20 <- HMA(cl, 20)
  cols$vwma_20 <- VWMA(cl, v, 20)
  k <- KST(cl, nSig = 9)
  cols$kst_9 <- k[, "kst"]; cols$kst_signal_9 <- k[, "signal"]
  cols$ultimateoscillator_7_14_28 <- ultimateOscillator(hlc, c(7, 14, 28))
  cols$chaikinvolatility_10 <- chaikinVolatility(hl, 10)
  cols$snr_14 <- SNR(hlc, 14)
  for (calc in c("close", "garman.klass", "parkinson", "rogers.satchell", "gk.yz", "yang.zhang"))
    cols[[paste0("volatility_20_", calc)]] <- volatility(ohlc, 20, calc = calc)
  cols$runpercentrank_260 <- runPercentRank(cl, 260)
  cols$runsd_20 <- runSD(cl, 20)
  cols$runmax_20 <- runMax(cl, 20)
  cols$runmin_20 <- runMin(cl, 20)
  cols$runcor_close_volume_20 <- runCor(cl, v, 20)
  full <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
  table <- data.frame(
    date = rut$Date, open = full(o), high = full(h), low = full(l), close = full(cl), volume = full(v),
    lapply(cols, function(x) fmt(as.numeric(x))),
    check.names = FALSE, stringsAsFactors = FALSE
  )
  path <- file.path(out_dir, "real", "rut-ttr-set.csv")
  dir.create(dirname(path), showWarnings = FALSE)
  write.csv(table, path, row.names = FALSE, quote = FALSE)
  cat(sprintf("wrote %s (%d rows, %d indicator columns, from %s)\n", path, nrow(table), length(cols), rut_path))
} else {
  cat(sprintf("skipped the TTR-set golden: %s not found\n", rut_path))
}
