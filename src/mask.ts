/** Masked for display: every digit but the last two hidden (as Microsoft shows phone methods). */
export function maskNumber(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  return `+${'•'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}
