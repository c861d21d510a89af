// At build time, pages are prerendered with their charts drawn (the first paint does not wait for the engine):
// Observable Plot needs a DOM to draw into, and Node has none, so the build lends it jsdom's.
import { building } from '$app/environment';
import { setServerDocument } from '$lib/charts/server-document';

if (building) {
  const { JSDOM } = await import('jsdom');
  setServerDocument(new JSDOM('<!doctype html><html><body></body></html>').window.document);
}
