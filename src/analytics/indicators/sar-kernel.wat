;; The parabolic SAR's clean-bar kernel (sar.ts): the starting-gap sums and the fast loop, the
;; same operations on the same values in the same order as sar.ts's `startingGap` and `fastLoop`,
;; so the results are bit for bit those of the TypeScript (fused-indicators.test.ts). Compiled by
;; `npm run wasm` (scripts/build-wasm.mjs, wabt) into sar-kernel-bytes.ts; a test checks that file
;; against this one. Addresses are byte offsets into the exported memory, laid out by sar.ts.
;; The larger (smaller) of two prices is f64x2.pmax (pmin) on splatted values, one maxpd (minpd):
;; f64.max/min and f64 select compile to branches, which the coin flips here mispredict.
(module
  (memory (export "memory") 1)

  ;; TTR's starting gap, as `startingGap`: with d = (high - low) - k, k the first range, the sums of
  ;; d and d^2 over rows beg..nr-1, four rows a step alternating between two partial sums (the two
  ;; lanes), the tail into lane 0, then sum = s0 + s1 and squares = q0 + q1, stored at bytes 0 and 8.
  ;; Returns 1 when every row is clean for the fast loop (high x low > 0), else 0.
  (func (export "sums") (param $h i32) (param $l i32) (param $beg i32) (param $nr i32) (result i32)
    (local $i i32) (local $end i32) (local $k f64) (local $kv v128)
    (local $s v128) (local $q v128) (local $bad v128) (local $hv v128) (local $lv v128) (local $d v128)
    (local $s0 f64) (local $q0 f64) (local $hh f64) (local $ll f64) (local $dd f64) (local $unclean i32)
    (local.set $k
      (f64.sub
        (f64.load (i32.add (local.get $h) (i32.shl (local.get $beg) (i32.const 3))))
        (f64.load (i32.add (local.get $l) (i32.shl (local.get $beg) (i32.const 3))))))
    (local.set $kv (f64x2.splat (local.get $k)))
    (local.set $end
      (i32.add (local.get $beg) (i32.and (i32.sub (local.get $nr) (local.get $beg)) (i32.const -4))))
    (local.set $i (local.get $beg))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $i) (local.get $end)))
        ;; rows i, i+1
        (local.set $hv (v128.load align=8 (i32.add (local.get $h) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $lv (v128.load align=8 (i32.add (local.get $l) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $bad
          (v128.or (local.get $bad)
            (v128.not (f64x2.gt (f64x2.mul (local.get $hv) (local.get $lv)) (v128.const f64x2 0 0)))))
        (local.set $d (f64x2.sub (f64x2.sub (local.get $hv) (local.get $lv)) (local.get $kv)))
        (local.set $s (f64x2.add (local.get $s) (local.get $d)))
        (local.set $q (f64x2.add (local.get $q) (f64x2.mul (local.get $d) (local.get $d))))
        ;; rows i+2, i+3
        (local.set $hv
          (v128.load offset=16 align=8 (i32.add (local.get $h) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $lv
          (v128.load offset=16 align=8 (i32.add (local.get $l) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $bad
          (v128.or (local.get $bad)
            (v128.not (f64x2.gt (f64x2.mul (local.get $hv) (local.get $lv)) (v128.const f64x2 0 0)))))
        (local.set $d (f64x2.sub (f64x2.sub (local.get $hv) (local.get $lv)) (local.get $kv)))
        (local.set $s (f64x2.add (local.get $s) (local.get $d)))
        (local.set $q (f64x2.add (local.get $q) (f64x2.mul (local.get $d) (local.get $d))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))
    (local.set $unclean (v128.any_true (local.get $bad)))
    (local.set $s0 (f64x2.extract_lane 0 (local.get $s)))
    (local.set $q0 (f64x2.extract_lane 0 (local.get $q)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_s (local.get $i) (local.get $nr)))
        (local.set $hh (f64.load (i32.add (local.get $h) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $ll (f64.load (i32.add (local.get $l) (i32.shl (local.get $i) (i32.const 3)))))
        (if (i32.eqz (f64.gt (f64.mul (local.get $hh) (local.get $ll)) (f64.const 0)))
          (then (local.set $unclean (i32.const 1))))
        (local.set $dd (f64.sub (f64.sub (local.get $hh) (local.get $ll)) (local.get $k)))
        (local.set $s0 (f64.add (local.get $s0) (local.get $dd)))
        (local.set $q0 (f64.add (local.get $q0) (f64.mul (local.get $dd) (local.get $dd))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (f64.store (i32.const 0) (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $s))))
    (f64.store (i32.const 8) (f64.add (local.get $q0) (f64x2.extract_lane 1 (local.get $q))))
    (i32.eqz (local.get $unclean)))

  ;; `fastLoop`: rows beg+1..nr-1 of the SAR from out[beg] (written by the caller), on clean bars.
  ;; $f is the factor table (f[n] the factor after n new extremes in a phase), $stp the step.
  ;; Row pointers: $ph, $pl, $po address row i of high, low and out.
  (func (export "run")
    (param $h i32) (param $l i32) (param $o i32) (param $f i32) (param $beg i32) (param $nr i32) (param $stp f64)
    (local $ph i32) (local $pl i32) (local $po i32) (local $pend i32)
    (local $prev f64) (local $xpt f64) (local $s f64) (local $x f64) (local $af f64) (local $a f64) (local $b f64)
    (local $hi f64) (local $lo f64) (local $lp f64) (local $hp f64) (local $m f64) (local $n i32) (local $c i32)
    (local.set $ph (i32.add (local.get $h) (i32.shl (local.get $beg) (i32.const 3))))
    (local.set $pl (i32.add (local.get $l) (i32.shl (local.get $beg) (i32.const 3))))
    (local.set $po (i32.add (local.get $o) (i32.shl (local.get $beg) (i32.const 3))))
    (local.set $pend (i32.add (local.get $h) (i32.shl (local.get $nr) (i32.const 3))))
    (local.set $prev (f64.load (local.get $po)))
    (local.set $xpt (f64.load (local.get $ph)))
    ;; row beg + 1
    (local.set $ph (i32.add (local.get $ph) (i32.const 8)))
    (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
    (local.set $po (i32.add (local.get $po) (i32.const 8)))
    (block $done
      (br_if $done (i32.ge_u (local.get $ph) (local.get $pend)))
      (loop $phases
        ;; long phase: rows with a low above yesterday's SAR
        (if (f64.gt (f64.load (local.get $pl)) (local.get $prev))
          (then
            ;; first row: the general step (after a reversal, xpt is still the short side's low)
            (local.set $hi (f64.load (local.get $ph)))
            (local.set $lo (f64.load (local.get $pl)))
            (local.set $s
              (f64.add
                (f64.mul (local.get $prev) (f64.sub (f64.const 1) (local.get $stp)))
                (f64.mul (local.get $xpt) (local.get $stp))))
            ;; Math.max(m, xpt) is pmax(xpt, m) (m if xpt < m); n counts in bytes
            (local.set $x
              (f64x2.extract_lane 0
                (f64x2.pmax
                  (f64x2.splat (local.get $xpt))
                  (f64x2.pmax
                    (v128.load64_splat (i32.sub (local.get $ph) (i32.const 8)))
                    (f64x2.splat (local.get $hi))))))
            (local.set $n (i32.shl (f64.gt (local.get $x) (local.get $xpt)) (i32.const 3)))
            (local.set $xpt (local.get $x))
            (local.set $prev
              (f64x2.extract_lane 0
                (f64x2.pmin
                  (f64x2.splat (local.get $s))
                  (f64x2.pmin
                    (v128.load64_splat (i32.sub (local.get $pl) (i32.const 8)))
                    (f64x2.splat (local.get $lo))))))
            (f64.store (local.get $po) (local.get $prev))
            (local.set $af (f64.load (i32.add (local.get $f) (local.get $n))))
            (local.set $a (f64.sub (f64.const 1) (local.get $af)))
            (local.set $b (f64.mul (local.get $xpt) (local.get $af)))
            (local.set $lp (local.get $lo))
            (local.set $ph (i32.add (local.get $ph) (i32.const 8)))
            (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
            (local.set $po (i32.add (local.get $po) (i32.const 8)))
            (block $endLong
              (loop $long
                (br_if $endLong (i32.ge_u (local.get $ph) (local.get $pend)))
                (local.set $hi (f64.load (local.get $ph)))
                (local.set $lo (f64.load (local.get $pl)))
                (br_if $endLong (i32.eqz (f64.gt (local.get $lo) (local.get $prev))))
                (local.set $s (f64.add (f64.mul (local.get $prev) (local.get $a)) (local.get $b)))
                (local.set $c (f64.gt (local.get $hi) (local.get $xpt)))
                (local.set $xpt
                  (f64x2.extract_lane 0 (f64x2.pmax (f64x2.splat (local.get $xpt)) (f64x2.splat (local.get $hi)))))
                (local.set $n (i32.add (local.get $n) (i32.shl (local.get $c) (i32.const 3))))
                (local.set $af (f64.load (i32.add (local.get $f) (local.get $n))))
                (local.set $a (f64.sub (f64.const 1) (local.get $af)))
                (local.set $b (f64.mul (local.get $xpt) (local.get $af)))
                ;; the clamp to the lower of the last two lows ($m, off the SAR's chain): Math.min(s, m)
                ;; is m unless s < m (s === m is the same value: the lows are not zero)
                (local.set $m
                  (f64x2.extract_lane 0 (f64x2.pmin (f64x2.splat (local.get $lp)) (f64x2.splat (local.get $lo)))))
                (if (i32.eqz (f64.lt (local.get $s) (local.get $m))) (then (local.set $s (local.get $m))))
                (local.set $prev (local.get $s))
                (f64.store (local.get $po) (local.get $s))
                (local.set $lp (local.get $lo))
                (local.set $ph (i32.add (local.get $ph) (i32.const 8)))
                (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
                (local.set $po (i32.add (local.get $po) (i32.const 8)))
                (br $long)))))
        (br_if $done (i32.ge_u (local.get $ph) (local.get $pend)))
        ;; long to short: the SAR jumps to the long phase's extreme
        (local.set $xpt
          (f64x2.extract_lane 0
            (f64x2.pmax
              (f64x2.splat (local.get $xpt))
              (f64x2.pmax
                (v128.load64_splat (i32.sub (local.get $ph) (i32.const 8)))
                (v128.load64_splat (local.get $ph))))))
        (local.set $prev (local.get $xpt))
        (f64.store (local.get $po) (local.get $prev))
        (local.set $ph (i32.add (local.get $ph) (i32.const 8)))
        (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
        (local.set $po (i32.add (local.get $po) (i32.const 8)))
        (br_if $done (i32.ge_u (local.get $ph) (local.get $pend)))
        ;; short phase: rows with a high below yesterday's SAR
        (if (f64.lt (f64.load (local.get $ph)) (local.get $prev))
          (then
            (local.set $hi (f64.load (local.get $ph)))
            (local.set $lo (f64.load (local.get $pl)))
            (local.set $s
              (f64.add
                (f64.mul (local.get $prev) (f64.sub (f64.const 1) (local.get $stp)))
                (f64.mul (local.get $xpt) (local.get $stp))))
            ;; Math.min(m, xpt) is pmin(xpt, m) (m if m < xpt)
            (local.set $x
              (f64x2.extract_lane 0
                (f64x2.pmin
                  (f64x2.splat (local.get $xpt))
                  (f64x2.pmin
                    (v128.load64_splat (i32.sub (local.get $pl) (i32.const 8)))
                    (f64x2.splat (local.get $lo))))))
            (local.set $n (i32.shl (f64.lt (local.get $x) (local.get $xpt)) (i32.const 3)))
            (local.set $xpt (local.get $x))
            (local.set $prev
              (f64x2.extract_lane 0
                (f64x2.pmax
                  (f64x2.splat (local.get $s))
                  (f64x2.pmax
                    (v128.load64_splat (i32.sub (local.get $ph) (i32.const 8)))
                    (f64x2.splat (local.get $hi))))))
            (f64.store (local.get $po) (local.get $prev))
            (local.set $af (f64.load (i32.add (local.get $f) (local.get $n))))
            (local.set $a (f64.sub (f64.const 1) (local.get $af)))
            (local.set $b (f64.mul (local.get $xpt) (local.get $af)))
            (local.set $hp (local.get $hi))
            (local.set $ph (i32.add (local.get $ph) (i32.const 8)))
            (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
            (local.set $po (i32.add (local.get $po) (i32.const 8)))
            (block $endShort
              (loop $short
                (br_if $endShort (i32.ge_u (local.get $ph) (local.get $pend)))
                (local.set $hi (f64.load (local.get $ph)))
                (local.set $lo (f64.load (local.get $pl)))
                (br_if $endShort (i32.eqz (f64.lt (local.get $hi) (local.get $prev))))
                (local.set $s (f64.add (f64.mul (local.get $prev) (local.get $a)) (local.get $b)))
                (local.set $c (f64.lt (local.get $lo) (local.get $xpt)))
                (local.set $xpt
                  (f64x2.extract_lane 0 (f64x2.pmin (f64x2.splat (local.get $xpt)) (f64x2.splat (local.get $lo)))))
                (local.set $n (i32.add (local.get $n) (i32.shl (local.get $c) (i32.const 3))))
                (local.set $af (f64.load (i32.add (local.get $f) (local.get $n))))
                (local.set $a (f64.sub (f64.const 1) (local.get $af)))
                (local.set $b (f64.mul (local.get $xpt) (local.get $af)))
                ;; the clamp to the higher of the last two highs, as the long side's
                (local.set $m
                  (f64x2.extract_lane 0 (f64x2.pmax (f64x2.splat (local.get $hp)) (f64x2.splat (local.get $hi)))))
                (if (i32.eqz (f64.gt (local.get $s) (local.get $m))) (then (local.set $s (local.get $m))))
                (local.set $prev (local.get $s))
                (f64.store (local.get $po) (local.get $s))
                (local.set $hp (local.get $hi))
                (local.set $ph (i32.add (local.get $ph) (i32.const 8)))
                (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
                (local.set $po (i32.add (local.get $po) (i32.const 8)))
                (br $short)))))
        (br_if $done (i32.ge_u (local.get $ph) (local.get $pend)))
        ;; short to long
        (local.set $xpt
          (f64x2.extract_lane 0
            (f64x2.pmin
              (f64x2.splat (local.get $xpt))
              (f64x2.pmin
                (v128.load64_splat (i32.sub (local.get $pl) (i32.const 8)))
                (v128.load64_splat (local.get $pl))))))
        (local.set $prev (local.get $xpt))
        (f64.store (local.get $po) (local.get $prev))
        (local.set $ph (i32.add (local.get $ph) (i32.const 8)))
        (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
        (local.set $po (i32.add (local.get $po) (i32.const 8)))
        (br_if $done (i32.ge_u (local.get $ph) (local.get $pend)))
        (br $phases)))))
