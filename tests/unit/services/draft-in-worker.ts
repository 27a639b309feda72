// The other process of concurrent-actions.test.ts: a worker thread with its own connections
// to the database file, turning a submission into a draft when told to go.
import { parentPort, workerData } from 'node:worker_threads';
import { ArticleService } from '../../../src/services/article-service.js';
import { openSqliteStorage } from '../../../src/storage/sqlite/sqlite-storage.js';

interface Job {
  file: string;
  submissionId: number;
  categoryId: number;
}

const job = workerData as Job;
const { storage } = openSqliteStorage(job.file);
const articles = new ArticleService(storage, Date.now);
parentPort!.once('message', async () => {
  parentPort!.postMessage('going');
  const outcome = await articles.draftFromSubmission({ id: 1, username: 'chief' }, job.submissionId, job.categoryId);
  await storage.close();
  parentPort!.postMessage(outcome);
});
parentPort!.postMessage('ready');
