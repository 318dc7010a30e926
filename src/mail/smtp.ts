// The SMTP transport (nodemailer), made once per process from PORTCULLIS_MAIL:
// smtp:// with STARTTLS (required unless configured otherwise), or smtps://.
import { readFileSync } from 'node:fs';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config/schema.ts';

export interface SmtpMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export async function smtpTransport(config: Config): Promise<Transporter> {
  const { createTransport } = await import('nodemailer');
  const url = new URL(config.mail);
  const secure = url.protocol === 'smtps:';
  const ca = config.mailCaFile ? readFileSync(config.mailCaFile, 'utf8') : undefined;
  return createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    requireTLS: !secure && config.mailStartTls === 'required',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    ...(ca ? { tls: { ca } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/** The sender address: configured, or no-reply at the public URL's host. */
export const mailFrom = (config: Config) =>
  config.mailFrom ?? `Portcullis <no-reply@${new URL(config.publicUrl).hostname}>`;
