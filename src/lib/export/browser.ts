/** The parts of exporting that need a real browser: rasterising to PNG, saving a file, copying a link. */

/** Draws the SVG at `scale` (2 = sharp on paper and high-density screens); background null = transparent. */
export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  scale = 2,
  background: string | null = '#ffffff'
): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the image (no 2D canvas).');
    if (background) {
      context.fillStyle = background;
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
    if (!blob) throw new Error('The browser could not encode the PNG.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

const TYPES = {
  svg: 'image/svg+xml',
  png: 'image/png',
  csv: 'text/csv;charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
  zip: 'application/zip'
} as const;

/** Saves bytes or text as a file, from the page itself: nothing is uploaded. */
export function saveFile(data: Uint8Array | string, filename: string) {
  const extension = filename.split('.').pop() as keyof typeof TYPES;
  const blob = new Blob([data as BlobPart], { type: TYPES[extension] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text; false when the browser refuses (the caller then shows the text to copy by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Puts a PNG on the clipboard, to paste into a document or a slide. */
export async function copyPng(png: Uint8Array): Promise<void> {
  if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined')
    throw new Error('this browser cannot put an image on the clipboard; use Export, PNG image');
  const blob = new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
}
