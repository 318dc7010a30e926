import type { Context } from 'hono';
import { AppError } from '../errors.ts';

/** A form post: each field's values in order (checkbox groups repeat a name). */
export interface Form {
  /** First value of each field. */
  fields: Record<string, string>;
  /** Every value of one field. */
  all(name: string): string[];
  /** An uploaded file (multipart forms). */
  file(name: string): File | undefined;
}

/** Reads an HTML form post once; other content types are refused with 415. */
export async function readFormValues(c: Context): Promise<Form> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
    throw new AppError('unsupported_media_type', {
      detail: 'Send this form as application/x-www-form-urlencoded.',
    });
  }
  let pairs: [string, unknown][];
  try {
    // URL-encoded forms (what browsers send here) are parsed directly: cheaper
    // than building a FormData.
    pairs =
      type === 'application/x-www-form-urlencoded'
        ? [...new URLSearchParams(await c.req.text())]
        : [...(await c.req.formData()).entries()];
  } catch (e) {
    throw new AppError('invalid_request', { detail: 'The form could not be read.', cause: e });
  }
  const strings = pairs.filter((p): p is [string, string] => typeof p[1] === 'string');
  const fields: Record<string, string> = {};
  for (const [k, v] of strings) if (!(k in fields)) fields[k] = v;
  return {
    fields,
    all: (name) => strings.filter(([k]) => k === name).map(([, v]) => v),
    file: (name) =>
      pairs.find((p): p is [string, File] => p[0] === name && p[1] instanceof File)?.[1],
  };
}

/** The first value of each field of a form post. */
export const readForm = async (c: Context) => (await readFormValues(c)).fields;
