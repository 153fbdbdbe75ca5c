import { MAX_RICH_TEXT_LENGTH, PlatformError } from '@pilot/contracts';
import sanitizeHtml from 'sanitize-html';

/**
 * What the portal's editor produces and nothing more: no scripts, no event handlers, no styles,
 * no iframes, and links only to the web or mail (never `javascript:`).
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ol', 'ul', 'li', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'a', 'span', 'sub', 'sup'],
  allowedAttributes: { a: ['href', 'target', 'rel'], '*': ['class'] },
  allowedClasses: { '*': [/^ql-(align|indent|direction)-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }) },
};

/** Sanitises a rich-text field and refuses one left empty or too long; `label` names it in the message. */
export function cleanRichText(html: string, label: string): string {
  const clean = sanitizeHtml(html ?? '', POLICY).trim();
  const text = sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, '');
  if (!text) throw new PlatformError('VALIDATION_FAILED', `请填写${label}`);
  if (clean.length > MAX_RICH_TEXT_LENGTH) throw new PlatformError('VALIDATION_FAILED', `${label}内容过长`);
  return clean;
}
