// Uploaded images: the record of each stored file (the files themselves live on disk).

export interface UploadRecord {
  storedName: string;
  originalName: string;
  width: number;
  height: number;
  bytes: number;
  userId: number;
}

export interface UploadRepository {
  add(upload: UploadRecord, now: number): Promise<number>;
}
