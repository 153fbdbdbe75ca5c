import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IMPORT_MAX_BYTES, PlatformError } from '@pilot/contracts';
import type { Observable } from 'rxjs';

/** The part of multer's file that an import reads; multer keeps it in memory, having no `dest`. */
export interface UploadedSpreadsheet {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const MulterSingleFile = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10 } });

/**
 * Receives the one file of a multipart request under the field `file`. Nest turns multer's limits
 * into 4xx (too large → 413), but a body the multipart parser cannot make sense of otherwise
 * comes out as a plain error, which would be a 500: it is the caller's malformed request.
 */
@Injectable()
export class SpreadsheetUpload implements NestInterceptor {
  private readonly multer = new MulterSingleFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (err) {
      if (err instanceof HttpException || err instanceof PlatformError) throw err;
      throw new PlatformError('MALFORMED_REQUEST');
    }
  }
}
