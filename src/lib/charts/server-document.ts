/**
 * The document charts are drawn into when pages are prerendered at build time (Node has none). Set once by
 * the server hooks; in the browser it stays undefined and charts use the page's own document.
 */
let serverDocument: Document | undefined;

export function setServerDocument(document: Document) {
  serverDocument = document;
}

export const getServerDocument = () => serverDocument;
