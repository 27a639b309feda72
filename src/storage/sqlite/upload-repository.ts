// Uploaded images' records in SQLite (the files themselves live on disk).
import type { Db } from './database.js';
import type { UploadRecord, UploadRepository } from '../../repositories/upload-repository.js';

export class SqliteUploadRepository implements UploadRepository {
  private readonly insert;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO uploads (stored_name, original_name, width, height, bytes, user_id, created_at)
       VALUES (@storedName, @originalName, @width, @height, @bytes, @userId, @now)`,
    );
  }

  async add(upload: UploadRecord, now: number): Promise<number> {
    return Number(this.insert.run({ ...upload, now }).lastInsertRowid);
  }
}
