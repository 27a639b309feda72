// Saving an uploaded image: re-encoded into the site's sizes by the image store, then recorded
// (who, original name, size) in the uploads table. The one way admin sections take pictures.
import type { UploadRepository } from '../repositories/upload-repository.js';
import type { Clock } from './clock.js';
import type { ImageStore, StoredImage } from './image-store.js';

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
}

export class ImageUploads {
  constructor(
    private readonly store: ImageStore,
    private readonly repository: UploadRepository,
    private readonly clock: Clock,
  ) {}

  /** Throws ImageRejected (400/415 with a message for the editor) for anything but a real image. */
  async save(file: UploadedFile, userId: number): Promise<StoredImage> {
    const stored = await this.store.store(file.buffer);
    await this.repository.add(
      {
        storedName: stored.storedName,
        originalName: file.originalname.slice(0, 200),
        width: stored.large.width,
        height: stored.large.height,
        bytes: stored.bytes,
        userId,
      },
      this.clock(),
    );
    return stored;
  }
}
