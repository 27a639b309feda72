// The QR code of an article's address for the 分享 block (WeChat readers scan it), drawn as an
// SVG path from the modules the qrcode package computes; only numbers and path letters go into
// the page (the template prints them escaped all the same). Encoding an address and drawing its
// path cost more than the rest of the block, so both are done once per article and the path is
// stored with it (`ShareCodes.drawMissing`, a background job, which also redraws them all when
// the site's domain changes): a render only reads it. A page whose article has none yet draws
// it on the fly and keeps it in memory.
import { LRUCache } from 'lru-cache';
import QRCode from 'qrcode';
import type { Clock } from './clock.js';
import { siteOrigin, toSiteSettings } from './site-settings.js';
import type { StorageAccess } from './storage-access.js';

export interface ShareCode {
  /** modules per side, quiet zone included: the SVG's viewBox */
  size: number;
  /** the dark modules as one path to stroke 1 wide: per row, its runs along the row's middle */
  path: string;
}

const QUIET_ZONE = 2;
/** drawn on the fly for articles without a stored code yet */
const drawnNow = new LRUCache<string, ShareCode>({ max: 2000 });

/** The QR code of `url`, drawn. */
export function draw(url: string): ShareCode {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const side = modules.size;
  let path = '';
  for (let y = 0; y < side; y++) {
    let x = 0;
    let end = -1; // where the row's last run ended (-1: none yet)
    while (x < side) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < side && modules.get(y, x)) x++;
      path += end < 0 ? `M${start + QUIET_ZONE} ${y + QUIET_ZONE}.5h${x - start}` : `m${start - end} 0h${x - start}`;
      end = x;
    }
  }
  return { size: side + 2 * QUIET_ZONE, path };
}

/** A drawn code as stored: "<size>:<path>". */
export function toStored(code: ShareCode): string {
  return `${code.size}:${code.path}`;
}

/** A drawn code from its stored form; undefined if it is not one (then it is drawn again). */
export function fromStored(stored: string): ShareCode | undefined {
  const colon = stored.indexOf(':');
  const size = Number(stored.slice(0, colon));
  const path = stored.slice(colon + 1);
  // QR codes are 21 to 177 modules per side, plus the quiet zone
  if (!Number.isInteger(size) || size < 21 + 2 * QUIET_ZONE || size > 177 + 2 * QUIET_ZONE || !/^M[\d .Mmh]+$/.test(path)) return undefined;
  return { size, path };
}

/**
 * The QR code of `url`: the article's stored one when it was drawn for this address, else drawn
 * now.
 */
export function shareCodeFor(url: string, stored: { url: string; drawing: string } | null): ShareCode {
  const drawn = stored?.url === url ? fromStored(stored.drawing) : undefined;
  if (drawn) return drawn;
  let code = drawnNow.get(url);
  if (!code) {
    code = draw(url);
    drawnNow.set(url, code);
  }
  return code;
}

const BATCH = 200;

export class ShareCodes {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  /**
   * Draws and stores the codes of visible articles that have none for their address, a batch
   * per transaction, giving way to requests between batches. Returns how many it drew.
   */
  async drawMissing(): Promise<number> {
    const { repositories } = this.storage;
    const origin = siteOrigin(toSiteSettings(await repositories.settings.getAll()));
    let drawn = 0;
    for (;;) {
      const ids = await repositories.articles.listWithoutShareCode(origin, BATCH, this.clock());
      if (ids.length === 0) return drawn;
      await this.storage.transaction(async (tx) => {
        for (const id of ids) {
          const url = `${origin}/article/${id}`;
          await tx.articles.setShareCode(id, url, toStored(draw(url)));
        }
      });
      drawn += ids.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
