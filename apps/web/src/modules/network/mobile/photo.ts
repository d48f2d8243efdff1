/** The longest side of a photo after compression, and the JPEG quality: a phone photo of 3–5 MB becomes 200–400 kB. */
export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.7;

export interface CompressedPhoto {
  type: 'image/jpeg';
  /** Base64 of the JPEG bytes, without the data: prefix (as the API takes it). */
  data: string;
  /** For the preview. */
  dataUrl: string;
  width: number;
  height: number;
}

/** The size to draw at: the longest side at most `max`, never enlarged. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The file's bytes as a data: URL (works offline, unlike fetching a blob: URL under some browsers' offline mode). */
function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

async function loadImage(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file);
      return { source: bitmap, width: bitmap.width, height: bitmap.height };
    } catch {
      // Some browsers decode fewer formats this way: try an <img> below.
    }
  }
  const url = await readAsDataUrl(file);
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('not an image'));
    image.src = url;
  });
  return { source: img, width: img.naturalWidth, height: img.naturalHeight };
}

/** Compresses a photo on the phone: drawn on a canvas at most 1600 px on its longest side, saved as JPEG at quality 0.7. */
export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
  const img = await loadImage(file);
  const { width, height } = fitWithin(img.width, img.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  // JPEG has no transparency: a white ground instead of black for PNG screenshots.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(img.source, 0, 0, width, height);
  const dataUrl = canvas.toDataURL('image/jpeg', JPEG_QUALITY);
  return { type: 'image/jpeg', data: dataUrl.slice(dataUrl.indexOf(',') + 1), dataUrl, width, height };
}
