// The texts of image uploads (the editor's pictures, staff photos): refused uploads and the
// plain upload form. One table per area: see site.ts.

export const UPLOADS_MESSAGES = {
  uploadTitle: '上传图片',
  uploadedTitle: '图片已上传',
  noImage: '请选择要上传的图片。',
  notMultipart: '请使用表单上传文件（multipart/form-data）。',
  tooBig: '文件或字段超过大小限制（图片最大 8 MB）。',
  badPart: (code: string) => `上传格式不正确：${code}`,
  badForm: '上传的表单格式不正确。',
} as const;
