import { Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MAX_EVIDENCE_FILE_BYTES, PlatformError, RpcPatterns, type Actor, type EvidenceFileView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Audited } from '../audit/audited';
import { evidenceFile } from '../audit/audit-rules';
import { attachmentDisposition } from '../http/attachment-disposition';
import { SingleFileUpload, type UploadedFileInMemory } from '../http/single-file-upload.interceptor';
import { EvidenceFiles } from './evidence-files.service';

const FILE_REQUIRED = '请选择要上传的PDF或Word文件';

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(
    private readonly files: EvidenceFiles,
    private readonly rpc: RpcClient,
  ) {}

  @Post()
  @Roles('college')
  @UseInterceptors(SingleFileUpload(MAX_EVIDENCE_FILE_BYTES, 'FILE_TOO_LARGE'))
  @Audited('file.uploaded', { target: evidenceFile })
  @ApiOperation({
    summary: '上传佐证材料',
    description: `PDF或Word（.doc、.docx）文件，按文件内容判断类型；单个文件不超过${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024}MB。返回的fileId填入申报的fileIds。`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(@CurrentActor() actor: Actor, @UploadedFile() file: UploadedFileInMemory | undefined): Promise<EvidenceFileView> {
    if (!file) throw new PlatformError('VALIDATION_FAILED', FILE_REQUIRED, { fields: { file: [FILE_REQUIRED] } });
    // The directory, not the token, says where the college is now: reviewers' scope follows it.
    const college = await this.rpc.request(RpcPatterns.identity.getProfile, { actor });
    const owner = { collegeId: college.collegeId, provinceCode: college.provinceCode, cityCode: college.cityCode, uploadedBy: actor.accountId };
    return this.files.store(owner, file);
  }

  @Get(':id')
  @ApiOperation({ summary: '下载佐证材料', description: '上传它的院校，以及该院校所在省份、地市的审核人员可以下载；其他人得到404。' })
  @ApiParam({ name: 'id', description: '上传时返回的fileId' })
  @ApiProduces('application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  async download(@CurrentActor() actor: Actor, @Param('id') fileId: string): Promise<StreamableFile> {
    const file = await this.files.open(actor, fileId);
    return new StreamableFile(file.content, { type: file.contentType, length: file.size, disposition: attachmentDisposition(file.name) });
  }
}
