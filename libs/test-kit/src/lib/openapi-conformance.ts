import Ajv, { type ValidateFunction } from 'ajv';

/**
 * Every answer the API tests receive is checked against the OpenAPI document the gateway serves:
 * its status must be one the operation lists, and its body must match that response's schema
 * (the contract's 2xx type, or `{ code, message }` with one of the operation's codes). So the
 * document cannot drift from what the code answers.
 */
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
}

interface Route {
  pattern: RegExp;
  path: string;
  methods: Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>;
}

const documents = new Map<string, Promise<unknown>>();
let loaded: Promise<{ routes: Route[]; ajv: Ajv }> | undefined;
const validators = new Map<string, ValidateFunction>();

/** The OpenAPI document the gateway serves, fetched once per test file. */
export function openApiDocument(documentUrl: string): Promise<unknown> {
  if (!documents.has(documentUrl)) {
    documents.set(
      documentUrl,
      fetch(documentUrl).then((response) => {
        if (!response.ok) throw new Error(`${documentUrl} answered ${response.status}`);
        return response.json();
      }),
    );
  }
  return documents.get(documentUrl) as Promise<unknown>;
}

function load(documentUrl: string) {
  loaded ??= (openApiDocument(documentUrl) as Promise<OpenApiDocument>).then((document) => {
    // The document's own keywords (openapi, info, nullable...) are not JSON Schema, and
    // `binary` is a format of OpenAPI's: only the schemas' structure is checked.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema(document, 'openapi.json');
    const routes = Object.entries(document.paths).map(([path, methods]) => ({
      path,
      methods,
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
    // A literal segment wins over a parameter (`/applications/export` before `/applications/{id}`).
    const parameters = (route: Route) => route.path.split('{').length;
    routes.sort((a, b) => parameters(a) - parameters(b));
    return { routes, ajv };
  });
  return loaded;
}

const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Throws when the answer is not one the document describes for that operation. */
export async function assertDocumentedAnswer(documentUrl: string, method: string, url: string, status: number, body: unknown): Promise<void> {
  const { routes, ajv } = await load(documentUrl);
  const path = new URL(url).pathname;
  const route = routes.find((candidate) => candidate.pattern.test(path) && candidate.methods[method.toLowerCase()]);
  // Unknown routes (and methods) answer the catalogue's NOT_FOUND, which no operation owns.
  if (!route) return;
  const operation = route.methods[method.toLowerCase()];
  const response = operation.responses[String(status)];
  const where = `${method} ${route.path} → ${status}`;
  if (!response) throw new Error(`${where}: the OpenAPI document lists no such answer (${JSON.stringify(body)})`);
  if (!response.content?.['application/json']) return;
  const key = `${route.path} ${method} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const schemaPointer = ['paths', route.path, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema'].map(pointer).join('/');
    validate = ajv.compile({ $ref: `openapi.json#/${schemaPointer}` });
    validators.set(key, validate);
  }
  if (!validate(body)) {
    throw new Error(`${where}: the answer does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}; body ${JSON.stringify(body).slice(0, 500)}`);
  }
}
