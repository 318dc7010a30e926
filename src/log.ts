import pino from 'pino';

/**
 * The process logger. Secrets never reach it: callers log ids and outcomes, and
 * these paths are redacted as a second line of defence.
 */
export const createLogger = (level: string) =>
  pino({
    level,
    base: undefined,
    redact: {
      paths: [
        'password',
        'code',
        'secret',
        'token',
        '*.password',
        '*.code',
        '*.secret',
        '*.token',
        'headers.authorization',
        'headers.cookie',
      ],
      censor: '[redacted]',
    },
  });

export type Logger = pino.Logger;
