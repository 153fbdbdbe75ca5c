export * from './lib/platform-api';
export * from './lib/uploads';
export * from './lib/pilot-setup';
export * from './lib/chromium';
export * from './lib/spreadsheets';
export { openApiDocument } from './lib/openapi-conformance';
