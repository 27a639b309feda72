// Saving an uploaded image: re-encoded into the site's sizes by the image store (outside any
// transaction: it is slow), then recorded (who, original name, size) with its audit line in one
// transaction. The one way admin sections take pictures.
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import type { ImageStore, StoredImage } from './image-store.js';
import type { StorageAccess } from './storage-access.js';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
}

export class ImageUploads {
  constructor(
    private readonly store: ImageStore,
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  /** Throws ImageRejected (400/415 with a message for the editor) for anything but a real image. */
  async save(file: UploadedFile, actor: Actor): Promise<StoredImage> {
    const stored = await this.store.store(file.buffer);
    const originalName = file.originalname.slice(0, 200);
    await this.storage.transaction(async (tx) => {
      const now = this.clock();
      await tx.uploads.add(
        {
          storedName: stored.storedName,
          originalName,
          width: stored.large.width,
          height: stored.large.height,
          bytes: stored.bytes,
          userId: actor.id,
        },
        now,
      );
      await tx.audit.append(auditEntry(actor, 'upload.create', { type: 'upload', id: stored.storedName }, originalName.slice(0, 100), now));
    });
    return stored;
  }
}
