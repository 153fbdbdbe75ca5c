import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

type Dto = new () => object;

/** Every class that a gateway route validates: the exports of its DTO, query and parameter files. */
function gatewayDtos(): Dto[] {
  const root = join(__dirname, '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(dto|param|query)\.ts$/.test(file));
  const exported = files.flatMap((file) => Object.values(require(join(root, file)) as Record<string, unknown>));
  return exported.filter((value): value is Dto => typeof value === 'function' && fieldsOf(value as Dto).length > 0);
}

function fieldsOf(dto: Dto): string[] {
  return [...new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((rule) => rule.propertyName))];
}

describe('the gateway’s DTOs', () => {
  const dtos = gatewayDtos();

  it('are found: every route’s body, query and path classes', () => {
    expect(dtos.map((dto) => dto.name)).toEqual(expect.arrayContaining(['UpdateApplicationDto', 'UpdatePlanDto', 'CollegeProfileDto', 'PageQueryDto', 'ProvinceCodeParam']));
  });

  it('refuse null for every field, optional ones included: an optional field is one left out', async () => {
    const accepted: string[] = [];
    for (const dto of dtos) {
      for (const field of fieldsOf(dto)) {
        const errors = await validate(plainToInstance(dto, { [field]: null }), { whitelist: true, forbidNonWhitelisted: true });
        if (!errors.some((error) => error.property === field)) accepted.push(`${dto.name}.${field}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});
