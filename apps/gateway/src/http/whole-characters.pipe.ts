import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { PlatformError } from '@pilot/contracts';

/** Half of a UTF-16 pair: JavaScript keeps it, but no UTF-8 encoder, store or SMS gateway can. */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;
const MESSAGE = '含有无法识别的字符';
const CHECKED: ReadonlySet<ArgumentMetadata['type']> = new Set(['body', 'query', 'param']);

/**
 * Refuses text that is not whole characters (a lone surrogate, which JSON's `\ud800` escape can
 * carry) in any field name or value of a body, query or path, before the DTOs read it: one rule
 * for every route rather than a check per field. Each offending field is named, as validation
 * names its fields.
 */
@Injectable()
export class WholeCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!CHECKED.has(metadata.type)) return value;
    const broken = brokenFields(value, metadata.data ?? '');
    if (broken.length > 0) {
      throw new PlatformError('VALIDATION_FAILED', undefined, { fields: Object.fromEntries(broken.map((path) => [path, [MESSAGE]])) });
    }
    return value;
  }
}

function brokenFields(value: unknown, path: string): string[] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [path] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const itemPath = path ? `${path}.${key}` : key;
    if (LONE_SURROGATE.test(key)) return [itemPath.replace(LONE_SURROGATES, '\ufffd')];
    return brokenFields(item, itemPath);
  });
}
