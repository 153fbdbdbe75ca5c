// What each gateway operation answers, read from the code itself, for the OpenAPI document:
// - the 2xx body: the type the controller method returns (checked by the compiler against the
//   RPC contract), turned into a JSON schema from libs/contracts;
// - the error codes: those the gateway's own layers raise (validation, access, rate limit, the
//   bus), those raised in the controller's folder, and those the services it asks can raise.
//
//   node tools/build/openapi-answers.cjs          writes apps/gateway/src/http/openapi-answers.json
//   node tools/build/openapi-answers.cjs --check  fails when that file is out of date
const { readFileSync, readdirSync, writeFileSync, statSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const ts = require('typescript');
const { createGenerator } = require('ts-json-schema-generator');

const ROOT = join(__dirname, '../..');
const GATEWAY = join(ROOT, 'apps/gateway/src');
const OUTPUT = join(GATEWAY, 'http/openapi-answers.json');
const CONTRACTS = join(ROOT, 'libs/contracts/src/index.ts');
const HTTP_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
const INPUTS = new Set(['Body', 'Query', 'Param', 'UploadedFile']);
const FILE_ANSWERS = new Set(['StreamableFile']);
// Raised by the HTTP layer itself (see http-error.filter.ts) on any operation.
const EVERY_OPERATION = ['MALFORMED_REQUEST', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'INTERNAL_ERROR'];
const SIGNED_IN_ONLY = ['UNAUTHENTICATED', 'FORBIDDEN'];

function sourcesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourcesUnder(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

const CATALOGUE = new Set([...readFileSync(join(ROOT, 'libs/contracts/src/lib/errors.ts'), 'utf8').matchAll(/^ {2}([A-Z][A-Z_]+): \{ status/gm)].map((match) => match[1]));

// A code is raised where the code names it: thrown, or handed to the store as the answer to a
// conflict or a taken key.
function codesRaisedIn(files) {
  const codes = new Set();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z_]+)'/g)) if (CATALOGUE.has(match[1])) codes.add(match[1]);
  }
  return codes;
}

// The shared libraries a folder's code uses raise codes for it too (token checks, spreadsheets),
function withLibrariesOf(files) {
  const libraries = new Set();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/from '@pilot\/([a-z-]+)'/g)) libraries.add(match[1]);
  }
  libraries.delete('contracts');
  // …and so does the code of the gateway's other folders it uses (evidence files for applications).
  const folders = new Set();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/from '\.\.\/([a-z-]+)\//g)) folders.add(join(dirname(file), '..', match[1]));
  }
  return [
    ...files,
    ...[...libraries].flatMap((library) => sourcesUnder(join(ROOT, 'libs', library, 'src'))),
    ...[...folders].flatMap((folder) => sourcesUnder(folder)),
  ];
}

const decoratorsOf = (node) => (ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : []);
const decoratorName = (decorator) => {
  const expression = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
  return ts.isIdentifier(expression) ? expression.text : '';
};
const hasDecorator = (node, name) => decoratorsOf(node).some((decorator) => decoratorName(decorator) === name);

function servicesAskedIn(node) {
  const services = new Set();
  const visit = (child) => {
    if (ts.isPropertyAccessExpression(child) && ts.isPropertyAccessExpression(child.expression) && child.expression.expression.getText() === 'RpcPatterns') {
      services.add(child.expression.name.text);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return services;
}

function answerOf(checker, method) {
  const signature = checker.getSignatureFromDeclaration(method);
  let type = checker.getReturnTypeOfSignature(signature);
  if (type.symbol?.name === 'Promise') type = checker.getTypeArguments(type)[0] ?? type;
  const name = checker.typeToString(type);
  if (name === 'void') return null;
  if (FILE_ANSWERS.has(name)) return 'file';
  // A list is described as its items' type with `[]`.
  if (checker.isArrayType(type)) return `${namedContract(checker, checker.getTypeArguments(type)[0], method)}[]`;
  return namedContract(checker, type, method);
}

function namedContract(checker, type, method) {
  const name = checker.typeToString(type);
  const declaration = (type.aliasSymbol ?? type.symbol)?.declarations?.[0];
  if (!declaration || !declaration.getSourceFile().fileName.includes('/libs/contracts/')) {
    throw new Error(`${method.parent.name.text}.${method.name.getText()} answers ${name}: name the answer as a type in libs/contracts`);
  }
  return (type.aliasSymbol ?? type.symbol).name;
}

function describeAnswers() {
  const controllers = sourcesUnder(GATEWAY).filter((file) => file.endsWith('.controller.ts'));
  const program = ts.createProgram(controllers, { experimentalDecorators: true, strict: true, skipLibCheck: true, baseUrl: ROOT, paths: require(join(ROOT, 'tsconfig.base.json')).compilerOptions.paths });
  const checker = program.getTypeChecker();
  const gatewayWide = codesRaisedIn([...sourcesUnder(join(GATEWAY, 'http')), ...sourcesUnder(join(ROOT, 'libs/messaging/src'))]);
  const accessCodes = codesRaisedIn(withLibrariesOf(sourcesUnder(join(GATEWAY, 'access'))));
  const serviceCodes = new Map();
  const codesOfService = (service) => {
    if (!serviceCodes.has(service)) serviceCodes.set(service, codesRaisedIn(sourcesUnder(join(ROOT, 'apps', service, 'src'))));
    return serviceCodes.get(service);
  };
  const operations = {};
  for (const file of controllers) {
    const source = program.getSourceFile(file);
    const folderCodes = codesRaisedIn(withLibrariesOf(sourcesUnder(dirname(file))));
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !hasDecorator(statement, 'Controller')) continue;
      const fileServices = servicesAskedIn(statement);
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !decoratorsOf(member).some((d) => HTTP_METHODS.has(decoratorName(d)))) continue;
        const isPublic = hasDecorator(member, 'Public') || hasDecorator(statement, 'Public');
        const takesInput = member.parameters.some((parameter) => decoratorsOf(parameter).some((d) => INPUTS.has(decoratorName(d))));
        const asked = servicesAskedIn(member);
        const codes = new Set([...EVERY_OPERATION, ...gatewayWide, ...folderCodes]);
        for (const service of asked.size ? asked : fileServices) codesOfService(service).forEach((code) => codes.add(code));
        if (isPublic) SIGNED_IN_ONLY.forEach((code) => codes.delete(code));
        else [...SIGNED_IN_ONLY, ...accessCodes].forEach((code) => codes.add(code));
        if (!takesInput) codes.delete('VALIDATION_FAILED');
        operations[`${statement.name.text}_${member.name.getText()}`] = { answer: answerOf(checker, member), errors: [...codes].sort() };
      }
    }
  }
  return { operations: sortKeys(operations), schemas: schemasOf(Object.values(operations).map((operation) => operation.answer)) };
}

function schemasOf(answers) {
  const generator = createGenerator({ path: CONTRACTS, tsconfig: join(ROOT, 'libs/contracts/tsconfig.lib.json'), skipTypeCheck: true, expose: 'export', topRef: false, additionalProperties: false });
  const schemas = {};
  for (const name of new Set(answers.filter((answer) => answer && answer !== 'file').map((answer) => answer.replace(/\[\]$/, '')))) {
    const { definitions = {}, $schema, ...schema } = generator.createSchema(name);
    Object.assign(schemas, definitions, { [name]: schema });
  }
  // OpenAPI names components with letters, digits, dots, dashes and underscores only (`Page<PlanView>` becomes `Page_PlanView`).
  const named = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [componentName(name), schema]));
  const text = JSON.stringify(named).replace(/"#\/definitions\/([^"]+)"/g, (_, name) => `"#/components/schemas/${componentName(decodeURIComponent(name))}"`);
  return sortKeys(JSON.parse(text));
}

function componentName(typeName) {
  return typeName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+$/, '');
}

function sortKeys(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

if (require.main === module) {
  const described = `${JSON.stringify(describeAnswers(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') !== described) {
      console.error(`${relative(ROOT, OUTPUT)} is out of date: run node tools/build/openapi-answers.cjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, described);
  }
}

module.exports = { describeAnswers, OUTPUT };
