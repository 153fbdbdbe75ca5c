import { IMPORT_COLUMNS, type ImportKind } from '@pilot/contracts';
import { IsIn } from 'class-validator';

export const IMPORT_KINDS = Object.keys(IMPORT_COLUMNS) as ImportKind[];

export class ImportKindParam {
  @IsIn(IMPORT_KINDS, { message: `导入类型应为 ${IMPORT_KINDS.join('、')} 之一` })
  kind!: ImportKind;
}
