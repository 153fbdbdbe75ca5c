import { EVIDENCE_CONTENT_TYPES } from '@pilot/contracts';
import { evidenceFileName } from './evidence-file-name';

const { pdf, docx } = EVIDENCE_CONTENT_TYPES;

describe('the name an evidence file is kept under', () => {
  it('is the uploaded one, Chinese included, trimmed', () => {
    expect(evidenceFileName('  师资情况说明（2025）.pdf ', pdf)).toBe('师资情况说明（2025）.pdf');
  });

  it('loses any folder part, whichever separator the browser used', () => {
    expect(evidenceFileName('C:\\Users\\王老师\\桌面\\场地照片.docx', docx)).toBe('场地照片.docx');
    expect(evidenceFileName('../../etc/passwd.pdf', pdf)).toBe('passwd.pdf');
  });

  it('loses control characters and the right-to-left override that disguises an extension', () => {
    expect(evidenceFileName('报告\u202Efdp.exe\u0000', pdf)).toBe('报告fdp.exe');
  });

  it('is at most 200 characters, keeping the extension', () => {
    expect(evidenceFileName(`${'很长的名字'.repeat(60)}.docx`, docx)).toBe(`${'很长的名字'.repeat(39)}.docx`);
  });

  it('is 佐证材料 with the extension of its content when nothing usable was sent', () => {
    expect(evidenceFileName('', docx)).toBe('佐证材料.docx');
    expect(evidenceFileName('folder/', pdf)).toBe('佐证材料.pdf');
  });
});
