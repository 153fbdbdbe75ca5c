import { SealedText } from './sealed-text';

describe('sealed SMS text', () => {
  const text = '【1+X证书试点申报平台】贵校账号已开通，账号：3737000001，初始密码：Ab3#xyzQ9k@m';

  it('keeps no trace of the text in what is stored', () => {
    const sealed = new SealedText().seal(text);
    expect(sealed).not.toContain('Ab3#xyzQ9k@m');
    expect(Buffer.from(sealed.split('.')[2], 'base64').toString('utf8')).not.toContain('初始密码');
  });

  it('is read back by the process that sealed it', () => {
    const box = new SealedText();
    expect(box.open(box.seal(text))).toBe(text);
  });

  it('cannot be read by another process, nor after tampering', () => {
    const box = new SealedText();
    const sealed = box.seal(text);
    expect(new SealedText().open(sealed)).toBeNull();
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] ^= 1;
    expect(box.open([iv, tag, flipped.toString('base64')].join('.'))).toBeNull();
  });

  it('is read by every replica that shares the key of its run, and by no other', () => {
    const sealed = new SealedText('key-of-this-run-0123456789').seal(text);
    expect(new SealedText('key-of-this-run-0123456789').open(sealed)).toBe(text);
    expect(new SealedText('key-of-another-run-012345').open(sealed)).toBeNull();
  });
});
