/** The close snapshot's byte formats as older versions wrote them (for upgrade tests). */

/** A packed value column (mode 0x10 + k) in the form before the group index: mode k, the first value, the blocks. */
export function withoutGroupIndex(bytes: Uint8Array): Uint8Array {
  let pos = 1;
  const varint = () => {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = bytes[pos++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  };
  varint(); // the first value
  const m0End = pos;
  const indexLength = varint();
  return Uint8Array.from([bytes[0]! - 0x10, ...bytes.subarray(1, m0End), ...bytes.subarray(pos + indexLength)]);
}
