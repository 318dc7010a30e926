// PEM certificate files named in the configuration, read and checked at start.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of a PEM file (for passkeys: the roots their makers
 * publish, or the FIDO Metadata Service's), each checked to parse; throws a
 * message naming the file.
 */
export function readCertificates(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const pems = text.match(PEM) ?? [];
  if (pems.length === 0) throw new Error(`${file} holds no PEM certificate`);
  pems.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch {
      throw new Error(`certificate ${i + 1} in ${file} does not parse`);
    }
  });
  return pems;
}
