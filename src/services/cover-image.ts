// Whether an article's body already shows its cover picture, so the article page does not
// show it twice. Uploaded images are stored once under a generated base name, in two sizes
// (/uploads/<base>.webp in bodies, /uploads/<base>-cover.webp as the cover): the same base
// name is the same picture. Other covers (the demo's) count when the body shows the same URL.

const UPLOADED = /^\/uploads\/(\d{6}-[0-9a-f]{24})(?:-cover)?\.webp$/;

export function bodyShowsCover(coverImage: string, bodyHtml: string): boolean {
  const upload = UPLOADED.exec(coverImage);
  if (upload) return bodyHtml.includes(`/uploads/${upload[1]}.webp`) || bodyHtml.includes(`/uploads/${upload[1]}-cover.webp`);
  return bodyHtml.includes(`src="${coverImage}"`);
}
