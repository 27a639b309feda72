// Uploaded images: the type is checked by magic bytes (PNG, JPEG, GIF, WebP only; SVG and
// everything else refused), then the image is decoded and re-encoded with sharp into the
// sizes the pages use, under generated names. Re-encoding drops metadata and anything
// appended to the file (polyglots).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { OutputInfo } from 'sharp';
import { loadSharp } from './load-sharp.js';

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp';

/** A refused upload; `status` and `expose` let the web layer answer it as a 4xx with this message. */
export class ImageRejected extends Error {
  readonly expose = true;
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
  }
}

export function detectImageType(bytes: Buffer): ImageType | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'gif';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'webp';
  }
  return undefined;
}

export interface StoredImage {
  /** up to 1600 px on the long side, for article bodies */
  large: { url: string; width: number; height: number };
  /** 800×450 crop, for covers, the headline and thumbnails */
  cover: { url: string };
  storedName: string;
  bytes: number;
}

const MAX_INPUT_PIXELS = 40_000_000;

export class ImageStore {
  constructor(
    private readonly folder: string,
    private readonly urlPrefix = '/uploads',
  ) {}

  async store(bytes: Buffer): Promise<StoredImage> {
    if (!detectImageType(bytes)) {
      throw new ImageRejected(415, '只能上传 PNG、JPEG、GIF 或 WebP 图片（不接受 SVG 等其他格式）。');
    }
    let large: { data: Buffer; info: OutputInfo };
    let cover: Buffer;
    const sharp = await loadSharp();
    try {
      const input = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
      large = await input()
        .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
      cover = await input().resize({ width: 800, height: 450, fit: 'cover', position: 'attention' }).webp({ quality: 80 }).toBuffer();
    } catch {
      throw new ImageRejected(400, '图片文件已损坏或无法识别。');
    }
    await fs.mkdir(this.folder, { recursive: true });
    const base = `${new Date().toISOString().slice(0, 7).replace('-', '')}-${randomBytes(12).toString('hex')}`;
    await fs.writeFile(path.join(this.folder, `${base}.webp`), large.data, { flag: 'wx' });
    await fs.writeFile(path.join(this.folder, `${base}-cover.webp`), cover, { flag: 'wx' });
    return {
      large: { url: `${this.urlPrefix}/${base}.webp`, width: large.info.width, height: large.info.height },
      cover: { url: `${this.urlPrefix}/${base}-cover.webp` },
      storedName: base,
      bytes: large.data.length,
    };
  }
}
