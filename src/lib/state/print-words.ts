/**
 * The printed page's running header and footer (app.css's @page margin boxes read them as CSS custom properties):
 * the page's title and the data it shows; the date printed and the page's address.
 */

/** Text as a CSS string: quotes and backslashes escaped, line breaks as spaces. */
export const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]+/g, ' ')}"`;

export function setPrintWords(header: string, footer: string): void {
  const style = document.documentElement.style;
  style.setProperty('--print-header', cssString(header));
  style.setProperty('--print-footer', cssString(footer));
}
