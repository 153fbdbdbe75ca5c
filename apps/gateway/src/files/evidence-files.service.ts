import { Injectable, Logger } from '@nestjs/common';
import { MAX_EVIDENCE_FILES, PlatformError, type Actor, type EvidenceFileView } from '@pilot/contracts';
import { FileBuckets } from '@pilot/store';
import { mongo } from 'mongoose';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadedFileInMemory } from '../http/single-file-upload.interceptor';
import { evidenceContentType, type EvidenceContentType } from './evidence-content';
import { evidenceFileName } from './evidence-file-name';

/** The college an evidence file belongs to, and the reviewers' scope it falls in. */
export interface EvidenceOwner {
  collegeId: string;
  provinceCode: string;
  cityCode: string;
  /** The account that uploaded it. */
  uploadedBy: string;
}

interface EvidenceMetadata extends EvidenceOwner {
  /** What its bytes were found to be when it was uploaded. */
  contentType: EvidenceContentType;
  sha256: string;
}

type EvidenceFileDocument = mongo.GridFSFile & { metadata: EvidenceMetadata };

export interface EvidenceDownload extends EvidenceFileView {
  content: Readable;
}

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * Evidence files (其他佐证材料) in the gateway's GridFS bucket. Only their ids travel in messages;
 * the bytes stay here. Whoever may not read a file is told it does not exist.
 */
@Injectable()
export class EvidenceFiles {
  private readonly logger = new Logger('EvidenceFiles');
  private readonly bucket: mongo.GridFSBucket;

  constructor(buckets: FileBuckets) {
    this.bucket = buckets.bucket('evidence');
  }

  async store(owner: EvidenceOwner, file: UploadedFileInMemory): Promise<EvidenceFileView> {
    const contentType = evidenceContentType(file.buffer);
    if (!contentType) throw new PlatformError('FILE_TYPE_NOT_ALLOWED');
    const name = evidenceFileName(file.originalname, contentType);
    const metadata: EvidenceMetadata = { ...owner, contentType, sha256: createHash('sha256').update(file.buffer).digest('hex') };
    const upload = this.bucket.openUploadStream(name, { metadata });
    await pipeline(Readable.from([file.buffer]), upload);
    const fileId = String(upload.id);
    this.logger.log({ msg: 'evidence file stored', fileId, collegeId: owner.collegeId, size: file.buffer.length, contentType });
    return { fileId, name, size: file.buffer.length, contentType };
  }

  /** The file's bytes, for the college that uploaded it and the reviewers of its province or city. */
  async open(actor: Actor, fileId: string): Promise<EvidenceDownload> {
    const [file] = await this.find([fileId]);
    if (!file || !mayRead(actor, file.metadata)) throw new PlatformError('FILE_NOT_FOUND');
    return { ...viewOf(file), content: this.bucket.openDownloadStream(file._id) };
  }

  /**
   * The files an application of the actor's college refers to, in the order given (once each):
   * every one must be a file that college uploaded.
   */
  async describeOwned(actor: Actor, fileIds: string[]): Promise<EvidenceFileView[]> {
    const ids = [...new Set(fileIds.map((id) => id.toLowerCase()))];
    if (ids.length > MAX_EVIDENCE_FILES) {
      const message = `佐证材料最多${MAX_EVIDENCE_FILES}个`;
      throw new PlatformError('VALIDATION_FAILED', message, { fields: { fileIds: [message] } });
    }
    if (ids.length === 0) return [];
    const owned = new Map((await this.find(ids)).filter((file) => file.metadata.collegeId === actor.collegeId).map((file) => [String(file._id), file]));
    return ids.map((id) => {
      const file = owned.get(id);
      if (!actor.collegeId || !file) throw new PlatformError('FILE_NOT_FOUND');
      return viewOf(file);
    });
  }

  /** Malformed ids find nothing, as unknown ones do. */
  private async find(fileIds: string[]): Promise<EvidenceFileDocument[]> {
    const ids = fileIds.filter((id) => OBJECT_ID.test(id)).map((id) => new mongo.ObjectId(id));
    if (ids.length === 0) return [];
    return (await this.bucket.find({ _id: { $in: ids } }).toArray()) as EvidenceFileDocument[];
  }
}

function mayRead(actor: Actor, file: EvidenceMetadata): boolean {
  switch (actor.role) {
    case 'college':
      return actor.collegeId === file.collegeId;
    case 'province_reviewer':
      return actor.provinceCode === file.provinceCode;
    case 'city_reviewer':
      return actor.cityCode === file.cityCode;
    default:
      return false;
  }
}

/** Files kept before names followed their content are described, and downloaded, by today's rule. */
function viewOf(file: EvidenceFileDocument): EvidenceFileView {
  const { contentType } = file.metadata;
  return { fileId: String(file._id), name: evidenceFileName(file.filename, contentType), size: file.length, contentType };
}
