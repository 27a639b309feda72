// Gzip answers for the page cache, kept as parts so that the tail many pages share (the sidebar
// and footer: about 2.8 of an article page's 6.1 compressed KB) is compressed once and held once.
//
// Deflate allows this (it is how pigz joins blocks): the page's own head is compressed ending
// with a sync flush (byte-aligned, not the final block); the shared tail is a complete raw deflate
// stream that refers only to its own bytes; the gzip trailer carries the CRC-32 and length of the
// whole page. Written one after the other, the parts are one ordinary gzip member (RFC 1952).
import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';

export interface GzipParts {
  /** written in this order, they are the gzip member */
  parts: readonly Buffer[];
  length: number;
  /** the bytes this page holds on its own (a shared tail is not counted) */
  ownBytes: number;
}

/** deflate, no file name, no modification time, Unix (as zlib's own gzip header) */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
const TRAILER_BYTES = 8;
/** below this, a separate tail saves too little to be worth an extra write */
const MIN_SHARED_TAIL_BYTES = 1024;
/** a handful of tails are current at a time (one per site chrome build and kind of page) */
const TAILS_KEPT = 8;

export class GzipComposer {
  private tails: { raw: Buffer; deflated: Buffer }[] = [];

  /** Compresses the body; the bytes from `sharedTailFrom` on are shared with other pages that end the same way. */
  compress(body: Buffer, sharedTailFrom?: number): GzipParts {
    if (sharedTailFrom === undefined || body.length - sharedTailFrom < MIN_SHARED_TAIL_BYTES) {
      const whole = ownedCopy(gzipSync(body));
      return { parts: [whole], length: whole.length, ownBytes: whole.length };
    }
    const head = deflateRawSync(body.subarray(0, sharedTailFrom), { finishFlush: constants.Z_SYNC_FLUSH });
    const tail = this.deflatedTail(body.subarray(sharedTailFrom));
    // header + head + trailer in one allocation; the parts are views of it around the tail
    const own = Buffer.allocUnsafeSlow(GZIP_HEADER.length + head.length + TRAILER_BYTES);
    GZIP_HEADER.copy(own, 0);
    head.copy(own, GZIP_HEADER.length);
    own.writeUInt32LE(crc32(body), own.length - TRAILER_BYTES);
    own.writeUInt32LE(body.length % 2 ** 32, own.length - 4);
    const trailerAt = own.length - TRAILER_BYTES;
    return {
      parts: [own.subarray(0, trailerAt), tail, own.subarray(trailerAt)],
      length: own.length + tail.length,
      ownBytes: own.length,
    };
  }

  private deflatedTail(raw: Buffer): Buffer {
    const known = this.tails.find((tail) => tail.raw.equals(raw));
    if (known) return known.deflated;
    const tail = { raw: ownedCopy(raw), deflated: ownedCopy(deflateRawSync(raw)) };
    this.tails = [tail, ...this.tails.slice(0, TAILS_KEPT - 1)];
    return tail.deflated;
  }
}

/** The parts as one buffer (for clients that need the page unzipped). */
export function joined(gzip: GzipParts): Buffer {
  return gzip.parts.length === 1 ? gzip.parts[0]! : Buffer.concat(gzip.parts as Buffer[], gzip.length);
}

/**
 * A copy that owns exactly its bytes: zlib hands back a view of a larger work buffer, and
 * thousands of kept views would hold all of those buffers alive.
 */
function ownedCopy(view: Buffer): Buffer {
  const owned = Buffer.allocUnsafeSlow(view.length);
  view.copy(owned);
  return owned;
}
