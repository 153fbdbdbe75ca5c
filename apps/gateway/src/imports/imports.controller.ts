import { Controller, Get, HttpCode, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, PlatformError, RpcPatterns, type Actor, type ImportKind, type ImportReport, type RpcPattern } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { readTable, rowsByColumns, toCsv } from '@pilot/spreadsheets';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Audited } from '../audit/audited';
import { importAction, importSummary, importedCatalogue } from '../audit/audit-rules';
import { SingleFileUpload, type UploadedFileInMemory } from '../http/single-file-upload.interceptor';
import { IMPORT_KINDS, ImportKindParam } from './import-kind.param';
import { templateDisposition, templateRows } from './import-templates';

/** The service that owns each kind of reference data checks and stores its rows. */
const IMPORT_PATTERNS = {
  certificates: RpcPatterns.planning.importCertificates,
  majors: RpcPatterns.planning.importMajors,
  colleges: RpcPatterns.identity.importColleges,
} as const satisfies Record<ImportKind, RpcPattern>;

/** Thousands of rows take the owning service far longer than an ordinary call. */
const IMPORT_TIMEOUT_MS = 120_000;

const KIND_PARAM = { name: 'kind', enum: IMPORT_KINDS, description: 'certificates 证书目录 · majors 专业目录 · colleges 院校名录' };

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/imports')
export class ImportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':kind')
  @HttpCode(200)
  @UseInterceptors(SingleFileUpload(IMPORT_MAX_BYTES))
  @Audited(importAction, { target: importedCatalogue, summary: importSummary })
  @ApiOperation({
    summary: '从CSV或XLSX表格导入证书目录、专业目录或院校名录',
    description: `表头须使用模板中的列名；每次最多${IMPORT_MAX_ROWS}行、${IMPORT_MAX_BYTES / 1024 / 1024}MB。返回逐行的导入结果，被拒绝的行附原因。`,
  })
  @ApiParam(KIND_PARAM)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  async import(
    @CurrentActor() actor: Actor,
    @Param() { kind }: ImportKindParam,
    @UploadedFile() file: UploadedFileInMemory | undefined,
  ): Promise<ImportReport> {
    if (!file) throw new PlatformError('VALIDATION_FAILED', '请选择要导入的CSV或XLSX文件', { fields: { file: ['请选择要导入的CSV或XLSX文件'] } });
    const rows = rowsByColumns<string>(await readTable(file.buffer, file.originalname), IMPORT_COLUMNS[kind]);
    return this.rpc.request(IMPORT_PATTERNS[kind], { rows, actor }, IMPORT_TIMEOUT_MS);
  }

  @Get(':kind/template')
  @ApiOperation({ summary: '下载导入模板（CSV，含表头和一行示例）' })
  @ApiParam(KIND_PARAM)
  @ApiProduces('text/csv')
  template(@Param() { kind }: ImportKindParam): StreamableFile {
    return new StreamableFile(toCsv(templateRows(kind)), { type: 'text/csv; charset=utf-8', disposition: templateDisposition(kind) });
  }
}
