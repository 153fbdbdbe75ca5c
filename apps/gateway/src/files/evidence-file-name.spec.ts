import { EVIDENCE_CONTENT_TYPES } from '@pilot/contracts';
import { LONGEST_NAME, evidenceFileName } from './evidence-file-name';

const { pdf, doc, docx } = EVIDENCE_CONTENT_TYPES;

describe('the name an evidence file is kept under', () => {
  it('is the uploaded one, Chinese included, trimmed', () => {
    expect(evidenceFileName('  师资情况说明（2025）.pdf ', pdf)).toBe('师资情况说明（2025）.pdf');
  });

  it('loses any folder part, whichever separator the browser used', () => {
    expect(evidenceFileName('C:\\Users\\王老师\\桌面\\场地照片.docx', docx)).toBe('场地照片.docx');
    expect(evidenceFileName('../../etc/passwd.pdf', pdf)).toBe('passwd.pdf');
  });

  it('loses control characters and the right-to-left override that disguises an extension', () => {
    expect(evidenceFileName('报告\u202Efdp.exe\u0000', pdf)).toBe('报告fdp.pdf');
  });

  it('ends in the extension of its content, not the one the uploader gave', () => {
    expect(evidenceFileName('poly.html', pdf)).toBe('poly.pdf');
    expect(evidenceFileName('申报书.doc', docx)).toBe('申报书.docx');
    expect(evidenceFileName('申报书.docx', doc)).toBe('申报书.doc');
    expect(evidenceFileName('扫描件.PDF', pdf)).toBe('扫描件.pdf');
    expect(evidenceFileName('setup.exe', pdf)).toBe('setup.pdf');
    expect(evidenceFileName('.htaccess', pdf)).toBe('佐证材料.pdf');
  });

  it('adds the extension to a name without one, keeping dots that are no extension', () => {
    expect(evidenceFileName('师资情况说明', pdf)).toBe('师资情况说明.pdf');
    expect(evidenceFileName('实施方案v1.2', docx)).toBe('实施方案v1.2.docx');
    expect(evidenceFileName('方案 2025.06', pdf)).toBe('方案 2025.06.pdf');
  });

  it(`is at most ${LONGEST_NAME} characters, its extension included`, () => {
    expect(evidenceFileName(`${'很长的名字'.repeat(60)}.docx`, docx)).toBe(`${'很长的名字'.repeat(19)}.docx`);
    expect(Array.from(evidenceFileName(`${'😀'.repeat(300)}.pdf`, pdf))).toHaveLength(LONGEST_NAME);
    expect(evidenceFileName(`${'x'.repeat(5_000)}.html`, pdf)).toBe(`${'x'.repeat(96)}.pdf`);
  });

  it('is 佐证材料 with the extension of its content when nothing usable was sent', () => {
    expect(evidenceFileName('', docx)).toBe('佐证材料.docx');
    expect(evidenceFileName('folder/', pdf)).toBe('佐证材料.pdf');
    expect(evidenceFileName('\u0000\u202E', pdf)).toBe('佐证材料.pdf');
  });

  it('changes nothing when applied again, so names kept before these rules read the same', () => {
    for (const uploaded of ['poly.html', `${'长'.repeat(300)}.pdf`, '实施方案v1.2', '报告..pdf', '  a b .pdf', '']) {
      const once = evidenceFileName(uploaded, pdf);
      expect([uploaded, evidenceFileName(once, pdf)]).toEqual([uploaded, once]);
    }
  });
});
