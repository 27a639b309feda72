// What services are built on: the storage's reading repositories and its transactions (the
// change feed and the connections stay with the app and the storage itself).
import type { Storage } from '../storage/storage.js';

export type StorageAccess = Pick<Storage, 'repositories' | 'transaction'>;
