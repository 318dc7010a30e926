import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const sha256 = (value: string | Buffer) =>
  createHash('sha256').update(value).digest('base64url');

export const hmacSha256 = (key: Buffer, value: string | Buffer) =>
  createHmac('sha256', key).update(value).digest('base64url');

/** Constant-time comparison of two strings (of any length). */
export function safeEqual(a: string, b: string): boolean {
  // Hash both sides so lengths match and the comparison leaks nothing about length.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
