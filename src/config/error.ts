// What the command line needs of the configuration before it loads any of it.

/** A configuration mistake: the message names the setting and what is wrong. */
export class ConfigError extends Error {}

/** The environment variable (or `portcullis --config`) naming the configuration file. */
export const CONFIG_FILE_ENV = 'PORTCULLIS_CONFIG';
