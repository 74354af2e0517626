/** Percent text to a fraction without binary noise: "36.80" with sign -1 -> -0.368 (not -0.36799999999999994). */
export function fraction(sign: number, digits: string): number {
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  return Number(((sign * Number(digits)) / 100).toFixed(decimals + 2));
}
