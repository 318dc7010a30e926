/**
 * A minimal cookie-keeping client for in-process requests: it follows no
 * redirects by itself and remembers the last page's CSRF token.
 */
export class FormClient {
  cookies = new Map<string, string>();
  lastHtml = '';

  constructor(
    private readonly fetcher: (req: Request) => Response | Promise<Response>,
    private readonly base = 'http://localhost',
  ) {}

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  private headers(extra: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...(cookie ? { cookie } : {}), 'user-agent': 'FormClient/1.0', ...extra };
  }

  async get(path: string): Promise<Response> {
    const res = await this.fetcher(
      new Request(this.base + path, { headers: this.headers(), redirect: 'manual' }),
    );
    this.remember(res);
    if ((res.headers.get('content-type') ?? '').includes('text/html'))
      this.lastHtml = await res.clone().text();
    return res;
  }

  /** GETs a page and follows redirects (at most 5), returning the final page's HTML. */
  async page(path: string): Promise<{ res: Response; html: string }> {
    let res = await this.get(path);
    for (let i = 0; i < 5 && res.status >= 300 && res.status < 400; i++)
      res = await this.get(res.headers.get('location')!);
    return { res, html: this.lastHtml };
  }

  /**
   * After proof-up the app-passwords step is shown (as in the original); this
   * asserts it was and presses Done, returning the page that follows.
   */
  async pastAppPasswordsStep(): Promise<{ res: Response; html: string }> {
    const done = /href="([^"]+)"[^>]*>Done</.exec(this.lastHtml);
    if (!done) throw new Error('expected the app-passwords step after proof-up');
    return this.page(done[1]!.replace(/&amp;/g, '&'));
  }

  get csrf(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m) throw new Error('no CSRF token on the last page');
    return m[1]!;
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
    opts: { csrf?: boolean } = {},
  ): Promise<Response> {
    // A list is a field repeated (checkboxes of one name).
    const body = new URLSearchParams(
      Object.entries({ ...(opts.csrf === false ? {} : { _csrf: this.csrf }), ...fields }).flatMap(
        ([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => [k, one]),
      ),
    );
    const res = await this.fetcher(
      new Request(this.base + path, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      }),
    );
    this.remember(res);
    if ((res.headers.get('content-type') ?? '').includes('text/html'))
      this.lastHtml = await res.clone().text();
    return res;
  }

  /** POSTs a form and follows the redirect, returning the resulting page. */
  async submit(
    path: string,
    fields: Record<string, string | string[]>,
  ): Promise<{ res: Response; html: string }> {
    const res = await this.post(path, fields);
    if (res.status >= 300 && res.status < 400) return this.page(res.headers.get('location')!);
    return { res, html: this.lastHtml };
  }
}

/** Text of the page without tags, for assertions on what a person reads. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
