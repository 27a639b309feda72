// The QR code of an article's address for the 分享 block (WeChat readers scan it), drawn as an
// SVG path from the modules the qrcode package computes; only numbers go into the page (the
// template prints them escaped). Encoding an address costs more than the rest of a render, so it
// is done once per article and stored with it (`ShareCodes.drawMissing`, a background job, which
// also redraws them all when the site's domain changes) as its modules, one bit each, in base64:
// a few dozen bytes, where the path would be over a kilobyte in every article page read. A page
// whose article has none yet encodes it on the fly and keeps it in memory.
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

/** The modules of `url`'s QR code, one bit each (row by row), as stored: "<modules per side>:<base64>". */
export function encode(url: string): string {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const bits = Buffer.alloc(Math.ceil((modules.size * modules.size) / 8));
  for (let i = 0; i < modules.size * modules.size; i++) {
    if (modules.get(Math.floor(i / modules.size), i % modules.size)) bits[i >> 3]! |= 0x80 >> (i & 7);
  }
  return `${modules.size}:${bits.toString('base64')}`;
}

/** The path of stored modules: per row, its dark runs along the row's middle; undefined if it is not one. */
export function drawStored(stored: string): ShareCode | undefined {
  const colon = stored.indexOf(':');
  const side = Number(stored.slice(0, colon));
  if (!Number.isInteger(side) || side < 21 || side > 177) return undefined;
  const bits = Buffer.from(stored.slice(colon + 1), 'base64');
  if (bits.length !== Math.ceil((side * side) / 8)) return undefined;
  const dark = (i: number) => (bits[i >> 3]! & (0x80 >> (i & 7))) !== 0;
  let path = '';
  for (let y = 0; y < side; y++) {
    let x = 0;
    let end = -1; // where the row's last run ended (-1: none yet)
    while (x < side) {
      if (!dark(y * side + x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < side && dark(y * side + x)) x++;
      path += end < 0 ? `M${start + QUIET_ZONE} ${y + QUIET_ZONE}.5h${x - start}` : `m${start - end} 0h${x - start}`;
      end = x;
    }
  }
  return { size: side + 2 * QUIET_ZONE, path };
}

export function draw(url: string): ShareCode {
  return drawStored(encode(url))!;
}

/**
 * The QR code of `url`: the article's stored one when it was drawn for this address, else drawn
 * now. (Stored drawings are this module's own; the template escapes the path all the same.)
 */
export function shareCodeFor(url: string, stored: { url: string; drawing: string } | null): ShareCode {
  const drawn = stored?.url === url ? drawStored(stored.drawing) : undefined;
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
          await tx.articles.setShareCode(id, url, encode(url));
        }
      });
      drawn += ids.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
