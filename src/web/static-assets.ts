// Fingerprinted static files: views link to /css/site.<hash>.css (asset('/css/site.css')),
// which is served with a year-long immutable cache; a changed file gets a new name, so a
// browser never keeps an old copy and never has to ask again. The plain names keep working
// with a short cache (bookmarks, old pages). Only files found in public/ at start-up get a
// fingerprinted name, so the fingerprint route cannot reach anything else.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

export class StaticAssets {
  /** '/css/site.css' -> '/css/site.0123456789.css' */
  private readonly fingerprinted = new Map<string, string>();
  /** '/css/site.0123456789.css' -> absolute file path */
  private readonly files = new Map<string, string>();

  /** the top-level folders of public/ ('css', 'js', 'images') */
  readonly folders: string[];

  constructor(private readonly dir: string) {
    this.folders = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const file of listFiles(dir)) {
      const urlPath = '/' + path.relative(dir, file).split(path.sep).join('/');
      const hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 10);
      const ext = path.extname(urlPath);
      const named = `${urlPath.slice(0, urlPath.length - ext.length)}.${hash}${ext}`;
      this.fingerprinted.set(urlPath, named);
      this.files.set(named, file);
    }
  }

  /** The fingerprinted URL of a file in public/ (the plain URL if there is no such file). */
  url = (urlPath: string): string => this.fingerprinted.get(urlPath) ?? urlPath;

  /** Serves fingerprinted names; everything else goes on to the plain static handler. */
  serve() {
    return (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const file = this.files.get(req.path);
      if (file === undefined) return next();
      res.sendFile(file, { maxAge: '365d', immutable: true, dotfiles: 'deny' }, (err) => {
        if (err && !res.headersSent) next(err);
      });
    };
  }
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return entry.isFile() && !entry.name.startsWith('.') ? [full] : [];
  });
}
