import type { Context } from 'hono';
import { AppError } from '../errors.ts';

/** Reads an HTML form post; other content types are refused with 415. */
export async function readForm(c: Context): Promise<Record<string, string>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
    throw new AppError('unsupported_media_type', {
      detail: 'Send this form as application/x-www-form-urlencoded.',
    });
  }
  let body: Record<string, unknown>;
  try {
    // URL-encoded forms (what browsers send here) are parsed directly: cheaper
    // than building a FormData. Repeated fields keep their first value.
    body =
      type === 'application/x-www-form-urlencoded'
        ? Object.fromEntries([...new URLSearchParams(await c.req.text())].reverse())
        : await c.req.parseBody();
  } catch (e) {
    throw new AppError('invalid_request', { detail: 'The form could not be read.', cause: e });
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}
