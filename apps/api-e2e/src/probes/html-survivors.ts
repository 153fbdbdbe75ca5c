import type { Page } from 'playwright-core';

/**
 * What of an HTML text could run script or restyle the page once a browser has parsed it, as
 * Chromium parses it (foreign content, entities, broken markup and all), and again after one
 * round of serialising and parsing, where mutation XSS shows.
 */
export function survivorsIn(page: Page, html: string): Promise<string[]> {
  return page.evaluate((text) => {
    const DANGEROUS_ELEMENTS = new Set([
      'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'link', 'meta', 'base',
      'form', 'input', 'button', 'textarea', 'select', 'img', 'image', 'video', 'audio', 'source', 'track', 'template',
      'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'portal', 'isindex', 'marquee',
    ]);
    const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'xlink:href', 'lowsrc', 'dynsrc', 'codebase']);
    const SCRIPTING_ATTRIBUTES = new Set(['style', 'srcdoc', 'formaction', 'xlink:href', 'http-equiv']);
    const HTML = 'http://www.w3.org/1999/xhtml';
    const found: string[] = [];
    const inspect = (body: HTMLElement, pass: string) => {
      // The body itself too: a second <body> in the text gives its attributes to the page's body.
      for (const element of [body, ...Array.from(body.querySelectorAll('*'))]) {
        const tag = element.localName;
        if (DANGEROUS_ELEMENTS.has(tag) || element.namespaceURI !== HTML) found.push(`${pass}: <${tag}>`);
        for (const attribute of Array.from(element.attributes)) {
          const name = attribute.name.toLowerCase();
          // Browsers skip control characters and spaces in a URL's scheme: "java\nscript:" runs.
          const url = Array.from(attribute.value)
            .filter((character) => character.charCodeAt(0) > 0x20)
            .join('')
            .toLowerCase();
          if (name.startsWith('on')) found.push(`${pass}: ${name} on <${tag}>`);
          else if (SCRIPTING_ATTRIBUTES.has(name)) found.push(`${pass}: ${name} on <${tag}>`);
          else if (URL_ATTRIBUTES.has(name) && /(^|,)(javascript|data|vbscript):/.test(url)) found.push(`${pass}: ${name}=${url.slice(0, 30)} on <${tag}>`);
        }
      }
    };
    const parse = (markup: string) => new DOMParser().parseFromString(`<!doctype html><body>${markup}`, 'text/html').body;
    const once = parse(text);
    inspect(once, 'parsed');
    inspect(parse(once.innerHTML), 'parsed again');
    return found;
  }, html);
}
