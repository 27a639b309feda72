// Uploaded images' records in PostgreSQL (the files themselves live in the uploads folder).
import type { UploadRecord, UploadRepository } from '../../repositories/upload-repository.js';
import type { Sql } from './sql.js';

export class PostgresUploadRepository implements UploadRepository {
  constructor(private readonly sql: Sql) {}

  async add(upload: UploadRecord, now: number): Promise<number> {
    const id = await this.sql.value<number>(
      `INSERT INTO uploads (stored_name, original_name, width, height, bytes, user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [upload.storedName, upload.originalName, upload.width, upload.height, upload.bytes, upload.userId, now],
    );
    return id!;
  }
}
