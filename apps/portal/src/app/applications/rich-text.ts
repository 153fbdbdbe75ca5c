import type { QuillModules } from 'ngx-quill';
import type Quill from 'quill';

/** 师资情况描述 and 场地情况描述 need headings, emphasis, lists and links; nothing else is kept. */
export const RICH_TEXT_MODULES: QuillModules = {
  toolbar: [
    [{ header: [1, 2, 3, false] }],
    ['bold', 'italic', 'underline'],
    [{ list: 'ordered' }, { list: 'bullet' }],
    ['link'],
    ['clean'],
  ],
};

/** Pasted text keeps only what the toolbar offers. */
export const RICH_TEXT_FORMATS = ['header', 'bold', 'italic', 'underline', 'list', 'link'];

/**
 * The editor's content as HTML, or null when it holds no text (so `required` applies). Quill
 * 2.0.3 writes every space as `&nbsp;`, which would stop lines breaking between words wherever
 * the text is shown: plain spaces are written instead.
 */
export function richTextValue(editor: Quill): string | null {
  if (editor.getText().trim() === '') return null;
  return editor.getSemanticHTML().replaceAll('&nbsp;', ' ');
}
