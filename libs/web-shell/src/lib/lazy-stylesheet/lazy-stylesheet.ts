import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';

const loaded = new Map<string, Promise<void>>();

/**
 * For a route whose pages use ng-zorro components the others do not: their styles are built as a
 * bundle of their own (project.json "styles", `inject: false`, named `bundle`), left out of the
 * initial download, and added to the document before the route's first page shows, once.
 * A bundle that fails to load leaves the page working, only plainer, and is tried again next time.
 */
export function stylesheet(bundle: string): ResolveFn<void> {
  return () => {
    const document = inject(DOCUMENT);
    let adding = loaded.get(bundle);
    if (!adding) {
      adding = new Promise<void>((done) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = `${bundle}.css`;
        link.onload = () => done();
        link.onerror = () => {
          loaded.delete(bundle);
          link.remove();
          done();
        };
        document.head.appendChild(link);
      });
      loaded.set(bundle, adding);
    }
    return adding;
  };
}
