import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { PlatformError } from '@pilot/contracts';

/** Half of a UTF-16 pair: JavaScript keeps it, but no UTF-8 encoder, store or SMS gateway can. */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;
/**
 * Names that reach into an object's prototype when a DTO is built from the input: class-transformer
 * assigns `__proto__` as the prototype and `constructor` over the class, so validation would not
 * see them as the unknown fields they are.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const NOT_WHOLE_CHARACTERS = '含有无法识别的字符';
const UNKNOWN_FIELD = '不接受此字段';
const CHECKED: ReadonlySet<ArgumentMetadata['type']> = new Set(['body', 'query', 'param']);

/**
 * One rule for every route, before its DTO reads the input: in any body, query or path, text
 * must be whole characters (a lone surrogate, which JSON's `\ud800` escape can carry, is
 * refused) and no field may be named after an object's prototype. Each offending field is
 * named, as validation names its fields.
 */
@Injectable()
export class InputShapePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!CHECKED.has(metadata.type)) return value;
    const faults = faultsOf(value, metadata.data ?? '');
    if (faults.length > 0) throw new PlatformError('VALIDATION_FAILED', undefined, { fields: Object.fromEntries(faults) });
    return value;
  }
}

function faultsOf(value: unknown, path: string): [string, string[]][] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [[path, [NOT_WHOLE_CHARACTERS]]] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]): [string, string[]][] => {
    const itemPath = path ? `${path}.${key}` : key;
    if (LONE_SURROGATE.test(key)) return [[itemPath.replace(LONE_SURROGATES, '\ufffd'), [NOT_WHOLE_CHARACTERS]]];
    if (PROTOTYPE_NAMES.has(key)) return [[itemPath, [UNKNOWN_FIELD]]];
    return faultsOf(item, itemPath);
  });
}
