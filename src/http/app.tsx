import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import { readAsset } from '../assets.ts';
import type { AppContext } from '../context.ts';
import { AppError, localMessage } from '../errors.ts';
import { signinFlows } from '../flows/signin.ts';
import { graphError } from '../graph/errors.ts';
import { createGraph, GRAPH_PREFIX, GRAPH_VERSIONS } from '../graph/index.ts';
import { translator } from '../i18n/index.ts';
import type { OidcHost } from '../oidc/host.ts';
import { OIDC_PREFIX } from '../oidc/paths.ts';
import { ScimError } from '../scim/errors.ts';
import { createScim, SCIM_PREFIX, scimError } from '../scim/index.ts';
import { brandOf, LOGO_PATH, parseLogo } from '../services/branding.ts';
import { getServiceSettings } from '../services/settings.ts';
import { adminRoutes } from './admin/index.ts';
import { createApi } from './api/index.ts';
import type { HttpEnv } from './env.ts';
import { recordRequest, toAppError } from './errors.ts';
import { dropFlash, peekFlash } from './flash.ts';
import { localeFromHeaders } from './locale.ts';
import { ErrorPage } from './pages/steps.tsx';
import { problem } from './problem.ts';
import { appPasswordRoutes } from './routes/app-passwords.tsx';
import { authenticatorRoutes } from './routes/authenticator.tsx';
import { devPhoneRoutes } from './routes/dev-phone.tsx';
import { fraudRoutes } from './routes/fraud.tsx';
import { healthRoutes } from './routes/health.ts';
import { invitationRoutes } from './routes/invitation.tsx';
import { legacyRoutes } from './routes/legacy.ts';
import { oidcInteractionRoutes } from './routes/oidc-interaction.tsx';
import { passwordRoutes } from './routes/password.tsx';
import { isSamlBinding, samlRoutes } from './routes/saml.tsx';
import { securityInfoRoutes } from './routes/security-info.tsx';
import { signinRoutes } from './routes/signin.tsx';
import { telephonyRoutes } from './routes/telephony.ts';
import { sameOriginOnly } from './same-origin.ts';
import { securityHeaders } from './security-headers.ts';
import { loadSession } from './session.ts';
import { afterStaleForm } from './stale-form.ts';

const css = readAsset('http/static/app.css');
const copyJs = readAsset('http/static/copy.js');
const selectAllJs = readAsset('http/static/select-all.js');
const localTimeJs = readAsset('http/static/local-time.js');
const passkeyJs = readAsset('http/static/passkey.js');
const samlPostJs = readAsset('http/static/saml-post.js');
/** The browser half of @simplewebauthn, its UMD bundle (global SimpleWebAuthnBrowser). */
const webauthnJs = readFileSync(
  new URL('../dist/bundle/index.umd.min.js', import.meta.resolve('@simplewebauthn/browser')),
  'utf8',
);

/** The HTTP application: thin routes over the flows and services. */
export function createApp(ctx: AppContext, opts: { oidc?: OidcHost } = {}) {
  const flows = signinFlows(ctx);
  const app = new Hono<HttpEnv>();
  const isScim = (path: string) => path === SCIM_PREFIX || path.startsWith(`${SCIM_PREFIX}/`);
  const isGraph = (path: string) => path.startsWith(`${GRAPH_PREFIX}/`);
  const isApi = (path: string) =>
    path.startsWith('/api/') || path.startsWith('/legacy/') || isScim(path) || isGraph(path);

  app.use(async (c, next) => {
    c.set('ctx', ctx);
    c.set('flows', flows);
    const started = performance.now();
    await next();
    recordRequest(ctx, {
      method: c.req.method,
      path: c.req.path,
      route: c.res.status === 404 ? 'unmatched' : c.req.routePath,
      status: c.res.status,
      ms: performance.now() - started,
    });
  });
  app.use(localeFromHeaders);
  // form-action 'self' everywhere a form stays here. The sign-in pages are the
  // exception: a sign-in ends in a redirect to the application (an OpenID
  // Connect redirect URI, a forward-auth rd), and browsers apply form-action
  // to every redirect after a form is sent, so it would strand the user.
  const staysHere = securityHeaders(ctx, true);
  const leadsAway = securityHeaders(ctx, false);
  const signinPath = (path: string) =>
    path === '/' ||
    path.startsWith('/signin') ||
    path.startsWith(`${OIDC_PREFIX}/interaction/`) ||
    // (The SAML answer is a form posted to the application.)
    path.startsWith('/saml/');
  app.use((c, next) => (signinPath(c.req.path) ? leadsAway(c, next) : staysHere(c, next)));
  const limitBody = bodyLimit({
    maxSize: ctx.config.maxBodyBytes,
    onError: () => {
      throw new AppError('payload_too_large');
    },
  });
  // Only requests that carry a body. Under Node the headers say so (RFC 9112
  // §6.3: no Content-Length or Transfer-Encoding, no body) — asking for the
  // body makes the adapter build a full Request, which costs more than a whole
  // page or a whole HTTP verify check. In-process (tests) there is a Request.
  const hasBody = (c: Context<HttpEnv>) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return false;
    if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return c.req.raw.body !== null;
    return (
      c.req.header('transfer-encoding') !== undefined ||
      Number(c.req.header('content-length') ?? '0') !== 0
    );
  };
  // Bulk MFA files are bigger than any form.
  const limitUpload = bodyLimit({
    maxSize: ctx.config.maxUploadBytes,
    onError: () => {
      throw new AppError('payload_too_large', {
        detail: `The file is larger than ${Math.floor(ctx.config.maxUploadBytes / 1024)} KiB; split it.`,
      });
    },
  });
  // (A provisioning system's group may list thousands of members at once.)
  const isUpload = (path: string) =>
    path === '/admin/bulk' ||
    path === '/admin/bulk/apply' ||
    path === '/api/v1/users/mfa-state' ||
    path === '/api/v1/users/import' ||
    path === '/admin/users/import' ||
    path === '/admin/users/import/apply' ||
    // (A logo is an image of up to 256 KiB.)
    path === '/api/v1/settings' ||
    path === '/admin/settings/branding' ||
    path.startsWith(`${SCIM_PREFIX}/Groups`);
  app.use((c, next) =>
    !hasBody(c) ? next() : isUpload(c.req.path) ? limitUpload(c, next) : limitBody(c, next),
  );

  app.route('/', healthRoutes(ctx));
  app.get('/static/copy.js', (c) =>
    c.body(copyJs, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );
  for (const [path, body] of [
    ['/static/select-all.js', selectAllJs],
    ['/static/local-time.js', localTimeJs],
    ['/static/passkey.js', passkeyJs],
    ['/static/saml-post.js', samlPostJs],
    ['/static/simplewebauthn.js', webauthnJs],
  ] as const)
    app.get(path, (c) =>
      c.body(body, 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=3600',
      }),
    );
  // The organisation's logo (service settings); its address changes with it.
  app.get(LOGO_PATH, async (c) => {
    const logo = parseLogo((await getServiceSettings(ctx)).logo);
    if (!logo) return c.body(null, 404);
    return c.body(new Uint8Array(logo.bytes), 200, {
      'content-type': logo.type,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  app.get('/static/app.css', (c) =>
    c.body(css, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );

  // Admin pages and API answers may carry secrets shown once (one-time
  // passwords, new tokens) and personal data: never kept by a cache.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use('/admin/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.route('/api/v1', createApi());
  app.route(SCIM_PREFIX, createScim());
  // A batch's requests go through the whole application, as if each came alone.
  const graph = createGraph((req, env) => Promise.resolve(app.fetch(req, env)));
  for (const version of GRAPH_VERSIONS) app.route(`${GRAPH_PREFIX}/${version}`, graph);

  // Telephony providers report call outcomes here; they have no session.
  app.route('/', telephonyRoutes);
  // The Portcullis Authenticator's page and device API (devices authenticate by token and signature).
  app.route('/', authenticatorRoutes);
  app.use(loadSession);
  // Every route from here on is a browser's: a change must come from our own
  // pages. The legacy fronts are called by programs and proxies, which pass on
  // the headers of requests to other sites; the admin API checks sessions itself.
  // SAML's bindings are other sites' pages posting to us by design: their messages are checked instead.
  app.use((c, next) =>
    isApi(c.req.path) || isSamlBinding(c.req.path) ? next() : sameOriginOnly(c, next),
  );
  // Pages: the organisation's brand, and a word after a stale form (page-context.ts).
  const pageStorage = contextStorage();
  app.use(async (c, next) => {
    if (isApi(c.req.path)) return next();
    c.set('brand', brandOf(await getServiceSettings(ctx)));
    // A stale form's word waits past redirects for the page that shows it.
    if (c.req.method === 'GET' && peekFlash<boolean>(c, 'stale')) c.set('staleForm', true);
    await pageStorage(c, next);
    if (c.var.staleForm && c.res.status === 200) dropFlash(c, 'stale');
    // Back re-asks for a page instead of showing a copy from before a sign-in step.
    if (
      !c.res.headers.has('cache-control') &&
      c.res.headers.get('content-type')?.startsWith('text/html')
    )
      c.header('Cache-Control', 'no-store');
  });
  // Legacy fronts: Basic credentials (forward-auth also reads the session cookie).
  app.route('/', legacyRoutes);
  app.route('/', signinRoutes);
  app.route('/', fraudRoutes);
  app.route('/', appPasswordRoutes);
  app.route('/', securityInfoRoutes());
  app.route('/', passwordRoutes);
  app.route('/', invitationRoutes);
  app.route('/', adminRoutes);
  if (opts.oidc) app.route('/', oidcInteractionRoutes(opts.oidc));
  app.route('/', samlRoutes());
  // The phone simulator: only when asked for, and only while nothing leaves the machine anyway.
  if (ctx.config.phoneSimulator && ctx.config.telephony === 'outbox')
    app.route('/', devPhoneRoutes);

  /** Page props even for errors raised before the locale was chosen. */
  const page = (c: Context<HttpEnv>) => ({
    t: c.var.t ?? translator('en'),
    lang: c.var.locale ?? 'en',
  });

  app.notFound((c) => {
    const e = new AppError('not_found');
    if (isScim(c.req.path)) return scimError(c, e);
    if (isGraph(c.req.path)) return graphError(c, e, ctx.clock.now());
    if (isApi(c.req.path)) return problem(c, e);
    const p = page(c);
    return c.html(
      <ErrorPage {...p} title={p.t('error.notFoundTitle')} message={p.t('error.notFound')} />,
      404,
    );
  });

  app.onError((err, c) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const gone = c.req.raw.signal.aborted || !!incoming?.errored;
    if (isScim(c.req.path))
      return scimError(c, err instanceof ScimError ? err : toAppError(ctx, err, c.req.path, gone));
    const e = toAppError(ctx, err, c.req.path, gone);
    if (isGraph(c.req.path)) return graphError(c, e, ctx.clock.now());
    if (isApi(c.req.path)) return problem(c, e);
    if (e.code === 'csrf_failed') {
      const current = afterStaleForm(c, e);
      if (current) return current;
    }
    if (e.retryAfter) c.header('Retry-After', String(e.retryAfter));
    const p = page(c);
    return c.html(
      <ErrorPage
        {...p}
        title={p.t(e.status >= 500 ? 'error.serverTitle' : 'error.title')}
        message={localMessage(e, p.t)}
      />,
      e.status as 400,
    );
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
