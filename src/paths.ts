// Absolute paths of the project's folders, the same from src/ (tsx) and dist/ (compiled).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const viewsDir = path.join(projectRoot, 'views');
export const publicDir = path.join(projectRoot, 'public');
/** SQLite's migrations */
export const migrationsDir = path.join(projectRoot, 'migrations', 'sqlite');
/** PostgreSQL's migrations */
export const postgresMigrationsDir = path.join(projectRoot, 'migrations', 'postgres');
export const quillDir = path.join(projectRoot, 'node_modules', 'quill', 'dist');
