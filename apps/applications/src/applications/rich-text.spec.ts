import { cleanRichText } from './rich-text';

describe('rich text kept by the service', () => {
  it('keeps what the editor produces', () => {
    const html = '<h2>师资</h2><p class="ql-align-center"><strong>专职</strong>教师<em>12</em>名</p><ol><li>双师型</li></ol><a href="https://example.edu.cn">简介</a>';
    expect(cleanRichText(html, '师资情况描述')).toBe(
      '<h2>师资</h2><p class="ql-align-center"><strong>专职</strong>教师<em>12</em>名</p><ol><li>双师型</li></ol><a href="https://example.edu.cn" target="_blank" rel="noopener noreferrer">简介</a>',
    );
  });

  it('removes scripts, event handlers, styles, javascript: links and iframes', () => {
    const html =
      '<p onclick="steal()" style="position:fixed">场地<script>alert(1)</script></p><a href="javascript:alert(1)">点我</a><iframe src="https://evil.example/"></iframe><img src=x onerror=alert(1)><p class="evil">实训室</p>';
    expect(cleanRichText(html, '场地情况描述')).toBe('<p>场地</p><a target="_blank" rel="noopener noreferrer">点我</a><p>实训室</p>');
  });

  it('refuses a field with no text left, and one too long', () => {
    expect(() => cleanRichText('<p><br></p><script>x</script>', '场地情况描述')).toThrow('请填写场地情况描述');
    expect(() => cleanRichText(`<p>${'长'.repeat(60_000)}</p>`, '师资情况描述')).toThrow('师资情况描述内容过长');
  });
});
