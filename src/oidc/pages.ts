// The few pages oidc-provider renders itself (errors, the sign-out question,
// the device code pages), in Portcullis's look.

/** `s` as HTML text. */
export const text = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A page of ours (body is HTML). */
export const page = (title: string, body: string, lang = 'en') =>
  `<!DOCTYPE html><html lang="${text(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text(title)} · Portcullis</title><link rel="stylesheet" href="/static/app.css"></head><body><main class="card"><p class="brand">Portcullis</p><h1>${text(title)}</h1>${body}</main></body></html>`;
