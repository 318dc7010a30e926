// The message keys, from the English reference catalog alone: what error codes
// need to know without loading the formatter and every language.
import en from './locales/en.ts';

export type MessageKey = keyof typeof en;

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);
