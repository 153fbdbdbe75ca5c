import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorCatalog, type ErrorCode } from '@pilot/contracts';
import answers from './openapi-answers.json';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Described = { answer: string | null; errors: string[] };
const described: Record<string, Described> = answers.operations;

export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('1+X 证书试点申报平台 API')
      .setDescription('院校申报、审核与通知的公开接口。错误统一返回 { code, message }，每个接口列出其可能的错误码。')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '登录后获得的 accessToken' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, withAnswers(document), { jsonDocumentUrl: 'api/docs/openapi.json' });
}

/**
 * Adds what every operation answers, as tools/build/openapi-answers.cjs read it from the code: the
 * 2xx body's schema from libs/contracts and the `{ code, message }` errors by status with their codes.
 */
export function withAnswers(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...answers.schemas } };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Operation[]) {
      const answer = described[operation.operationId ?? ''];
      // Only routes of specs' own controllers are not described (openapi-answers.spec keeps the rest).
      if (!answer) continue;
      operation.responses = { ...successOf(operation, answer.answer), ...errorsOf(answer.errors as ErrorCode[]) };
    }
  }
  return document;
}

function successOf(operation: Operation, answer: string | null): Operation['responses'] {
  const status = Object.keys(operation.responses ?? {}).find((code) => code.startsWith('2')) ?? '200';
  if (answer === null) return { [status]: { description: '成功，无内容' } };
  if (answer === 'file') return { [status]: { description: '文件', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } };
  const reference = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const schema = answer.endsWith('[]') ? { type: 'array' as const, items: reference(answer.slice(0, -2)) } : reference(answer);
  return { [status]: { description: '成功', content: { 'application/json': { schema } } } };
}

function errorsOf(codes: ErrorCode[]): Operation['responses'] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ErrorCatalog[code].status, [...(byStatus.get(ErrorCatalog[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, those]) => [
      String(status),
      {
        description: those.map((code) => `${code}：${ErrorCatalog[code].message}`).join('；'),
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string', enum: those }, message: { type: 'string' }, details: {} },
            },
          },
        },
      },
    ]),
  );
}
