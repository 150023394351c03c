/**
 * US Social Security number validity, so that numbers that were never issued
 * (and the famous published samples) are not reported as someone's SSN.
 */

/** Numbers printed in advertisements, wallets and training material; never a real patient's. */
const SAMPLE_SSNS: ReadonlySet<string> = new Set([
  '078051120', // the wallet-insert sample of 1938
  '219099999', // used in a Social Security Administration advertisement
  '123456789', // the placeholder everyone types
  '457555462', // published in an identity-protection advertisement
]);

/**
 * True when `area-group-serial` could be an issued SSN: area not 000, 666 or 900–999,
 * group not 00, serial not 0000, not one digit repeated, not a well-known sample.
 * Accepts the nine digits with or without separators; anything else is false.
 */
export function isPlausibleSsn(text: string): boolean {
  const digits = text.replace(/[\s.\-–]/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  if (/^(\d)\1{8}$/.test(digits)) return false;
  return !SAMPLE_SSNS.has(digits);
}
