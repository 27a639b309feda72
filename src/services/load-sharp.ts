// sharp (libvips) costs about 30 MB of memory as soon as it is loaded; most requests never
// need it (only captcha images and uploads do), so it is loaded on first use.
import type sharpFunction from 'sharp';

type Sharp = typeof sharpFunction;

let loading: Promise<Sharp> | undefined;

export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then((module) => module.default as Sharp);
  return loading;
}
