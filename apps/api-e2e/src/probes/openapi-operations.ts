import { API_URL, OPENAPI_URL, openApiDocument } from '@pilot/test-kit';

/** The part of an OpenAPI schema the probes read. */
export interface Schema {
  type?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
}

export interface Field {
  name: string;
  schema: Schema;
  required: boolean;
}

/** One operation of the gateway's API as its OpenAPI document describes it. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path under the API's base (`/applications/{id}`). */
  path: string;
  /** `PUT /applications/{id}`, for messages. */
  name: string;
  query: Field[];
  pathParameters: Field[];
  /** The body's fields, when the operation documents one; `multipart` for uploads. */
  body?: { multipart: boolean; fields: Field[] };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

/** Every operation the gateway documents, read from the document it serves. */
export async function documentedOperations(): Promise<Operation[]> {
  const document = (await openApiDocument(OPENAPI_URL)) as OpenApiDocument;
  const base = new URL(API_URL).pathname.replace(/\/+$/, '');
  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema?.$ref) return schema ?? {};
    return resolve(document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]);
  };
  return Object.entries(document.paths).flatMap(([fullPath, operations]) =>
    Object.entries(operations).map(([method, operation]): Operation => {
      const path = fullPath.startsWith(base) ? fullPath.slice(base.length) : fullPath;
      const parameters = (operation.parameters ?? []).map((p) => ({ in: p.in, field: { name: p.name, schema: resolve(p.schema), required: Boolean(p.required) } }));
      const [contentType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      const bodySchema = resolve(content?.schema);
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        name: `${method.toUpperCase()} ${path}`,
        query: parameters.filter((p) => p.in === 'query').map((p) => p.field),
        pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.field),
        ...(contentType
          ? {
              body: {
                multipart: contentType.startsWith('multipart/'),
                fields: Object.entries(bodySchema.properties ?? {}).map(([name, schema]) => ({ name, schema: resolve(schema), required: (bodySchema.required ?? []).includes(name) })),
              },
            }
          : {}),
      };
    }),
  );
}
