/**
 * The message list page's body, apart from the main entry: everything the main entry exports
 * is in each app's first download (the library's modules may have side effects), and the
 * list is only needed on its lazily loaded page.
 */
export * from './lib/messages/messages-panel';
