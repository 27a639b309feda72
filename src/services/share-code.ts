// The QR code of an article's address for the 分享 block (WeChat readers scan it), drawn as an
// SVG path from the modules the qrcode package computes. Only numbers go into the page (the
// template prints them escaped), and each address is encoded once per process, not per render.
import { LRUCache } from 'lru-cache';
import QRCode from 'qrcode';

export interface ShareCode {
  /** modules per side, quiet zone included: the SVG's viewBox */
  size: number;
  /** the dark modules as one path, a rectangle per run of a row */
  path: string;
}

const QUIET_ZONE = 2;
const codes = new LRUCache<string, ShareCode>({ max: 20_000 });

function draw(url: string): ShareCode {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    let x = 0;
    while (x < modules.size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < modules.size && modules.get(y, x)) x++;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}

/** The QR code of `url`, drawn the first time it is asked for. */
export function shareCodeOf(url: string): ShareCode {
  let code = codes.get(url);
  if (!code) {
    code = draw(url);
    codes.set(url, code);
  }
  return code;
}
