import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from './schemas.ts';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * One admin API route: its OpenAPI description and the schemas that validate
 * the request are the same objects (the document cannot drift from the code).
 * Every route answers problem+json for 400/401/403/404/409.
 */
export function route<
  M extends Method,
  P extends string,
  Params extends AnyObject | undefined = undefined,
  Query extends AnyObject | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Res extends z.ZodType = z.ZodType,
  S extends 200 | 201 = 200,
>(r: {
  method: M;
  path: P;
  tag: string;
  summary: string;
  params?: Params;
  query?: Query;
  body?: Body;
  response: Res;
  status?: S;
  description?: string;
}) {
  return createRoute({
    method: r.method,
    path: r.path,
    tags: [r.tag],
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    request: {
      ...(r.params ? { params: r.params } : {}),
      ...(r.query ? { query: r.query } : {}),
      ...(r.body
        ? { body: { required: true, content: { 'application/json': { schema: r.body } } } }
        : {}),
    } as {
      params: Params extends AnyObject ? Params : never;
      query: Query extends AnyObject ? Query : never;
      body: Body extends z.ZodType
        ? { required: true; content: { 'application/json': { schema: Body } } }
        : never;
    },
    responses: {
      [r.status ?? 200]: {
        description: 'Success',
        content: { 'application/json': { schema: r.response } },
      },
      ...problemResponses,
    } as {
      [K in S]: { description: string; content: { 'application/json': { schema: Res } } };
    } & typeof problemResponses,
  });
}

/** A UPN in the path. */
export const UpnParam = z.object({
  upn: z
    .string()
    .max(256)
    .openapi({ param: { name: 'upn', in: 'path' }, example: 'alice@contoso.com' }),
});

/** A CSV file to download (the handler answers outside the JSON schema: cast to never). */
export const csv = (body: string, name: string) =>
  new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.csv"`,
    },
  });
