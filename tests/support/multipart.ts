// Multipart form bodies for upload tests (the article editor form is multipart).
export function multipart(fields: Record<string, string>, file?: { field: string; name: string; type: string; bytes: Buffer }): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return form;
}
