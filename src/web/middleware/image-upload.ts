// multer for image uploads, on the routes that take them (never mounted globally): memory
// storage with limits on size, count, fields and parts; its errors become clear 4xx answers.
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { HttpError } from '../http-error.js';
import { UPLOADS_MESSAGES } from '../messages/uploads.js';
import { formBody } from './form-body.js';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export function imageUpload(fieldName: string, options: { fields?: number; fieldSize?: number } = {}) {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: MAX_IMAGE_BYTES,
      files: 1,
      fields: options.fields ?? 5,
      fieldSize: options.fieldSize ?? 4 * 1024,
      parts: (options.fields ?? 5) + 1,
      headerPairs: 100,
    },
  }).single(fieldName);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data')) return next(new HttpError(415, UPLOADS_MESSAGES.notMultipart));
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        const tooBig = err.code === 'LIMIT_FILE_SIZE' || err.code === 'LIMIT_FIELD_VALUE';
        return next(new HttpError(tooBig ? 413 : 400, tooBig ? UPLOADS_MESSAGES.tooBig : UPLOADS_MESSAGES.badPart(err.code)));
      }
      next(new HttpError(400, UPLOADS_MESSAGES.badForm));
    });
  };
}

/** For forms whose picture is optional: multipart with the image, or a plain url-encoded form. */
export function optionalImageUpload(fieldName: string, options: { fields?: number; fieldSize?: number; formLimit?: string } = {}) {
  const multipart = imageUpload(fieldName, options);
  const plain = formBody(options.formLimit ?? '16kb');
  return (req: Request, res: Response, next: NextFunction) =>
    req.is('multipart/form-data') ? multipart(req, res, next) : plain(req, res, next);
}
