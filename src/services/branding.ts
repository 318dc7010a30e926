// The organisation's own name, logo and help, from the service settings: on
// every page, in texts, calls and email, and as the issuer authenticator apps
// show. Without a name, the product's.
import { createHash } from 'node:crypto';
import type { ServiceSettings } from './settings.ts';

export const PRODUCT_NAME = 'Portcullis';
const LOGO_MAX_BYTES = 256 * 1024;
/** The longest data: URL a logo of LOGO_MAX_BYTES makes (base64 and its prefix). */
export const LOGO_MAX_DATA_URL = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 40;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export interface Brand {
  /** The organisation's name, or the product's. */
  name: string;
  /** Whether an organisation name was set (pages then say "Contoso", not "Portcullis"). */
  custom: boolean;
  helpText: string;
  helpUrl: string;
  /** Where the logo is served (with its hash, so a new logo is fetched at once), if there is one. */
  logoPath: string | null;
}

export const printableText = (s: string) => !/\p{Cc}/u.test(s);

export function isHelpUrl(s: string): boolean {
  try {
    return ['https:', 'http:', 'mailto:', 'tel:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

/** A logo's type and bytes from its data: URL; null unless it is one of the image types allowed. */
export function parseLogo(dataUrl: string): { type: string; bytes: Buffer } | null {
  const m = /^data:([a-z/]+);base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  if (!m || !LOGO_TYPES.includes(m[1]!)) return null;
  const bytes = Buffer.from(m[2]!, 'base64');
  if (bytes.length === 0 || bytes.length > LOGO_MAX_BYTES) return null;
  if (sniff(bytes) !== m[1]) return null; // what it says it is, by its first bytes
  return { type: m[1]!, bytes };
}

/** The image type by magic number (a file named .png must be a PNG). */
export function sniff(b: Buffer): string | null {
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (
    b.subarray(0, 6).toString('latin1') === 'GIF87a' ||
    b.subarray(0, 6).toString('latin1') === 'GIF89a'
  )
    return 'image/gif';
  if (
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/** A logo file as the data: URL the `logo` setting holds; null if it is not an image allowed. */
export function logoDataUrl(bytes: Buffer): string | null {
  const type = sniff(bytes);
  if (!type || bytes.length > LOGO_MAX_BYTES) return null;
  return `data:${type};base64,${bytes.toString('base64')}`;
}

export const LOGO_PATH = '/branding/logo';

/** The logo's address by its content, hashed once per logo (brandOf runs on every page). */
let lastLogo: { logo: string; path: string } | undefined;
function logoPathOf(logo: string): string {
  if (lastLogo?.logo !== logo)
    lastLogo = {
      logo,
      path: `${LOGO_PATH}?v=${createHash('sha256').update(logo).digest('hex').slice(0, 16)}`,
    };
  return lastLogo.path;
}

export function brandOf(s: ServiceSettings): Brand {
  return {
    name: s.organizationName || PRODUCT_NAME,
    custom: !!s.organizationName,
    helpText: s.helpText,
    helpUrl: s.helpUrl,
    logoPath: s.logo ? logoPathOf(s.logo) : null,
  };
}

/** The name authenticator apps, texts and calls give: the organisation's, else the product's. */
export const issuerOf = (s: ServiceSettings) => s.organizationName || PRODUCT_NAME;
