import { HttpException, Injectable, PayloadTooLargeException, mixin, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { PlatformError, type ErrorCode } from '@pilot/contracts';
import type { Observable } from 'rxjs';

/** The part of multer's file that a route reads; multer keeps it in memory, having no `dest`. */
export interface UploadedFileInMemory {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/**
 * Receives the one file of a multipart request under the field `file`, up to `maxBytes`; a larger
 * one is refused with `tooLarge` (413). Nest turns multer's other limits into 400, but a body the
 * multipart parser cannot make sense of otherwise comes out as a plain error, which would be a
 * 500: it is the caller's malformed request. File names are read as UTF-8, as browsers send them.
 */
export function SingleFileUpload(maxBytes: number, tooLarge: ErrorCode = 'PAYLOAD_TOO_LARGE'): Type<NestInterceptor> {
  const MulterSingleFile = FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1, fields: 10 }, defParamCharset: 'utf8' });

  @Injectable()
  class SingleFileUploadInterceptor implements NestInterceptor {
    private readonly multer = new MulterSingleFile();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multer.intercept(context, next);
      } catch (err) {
        if (err instanceof PayloadTooLargeException) throw new PlatformError(tooLarge);
        if (err instanceof HttpException || err instanceof PlatformError) throw err;
        throw new PlatformError('MALFORMED_REQUEST');
      }
    }
  }
  return mixin(SingleFileUploadInterceptor);
}
