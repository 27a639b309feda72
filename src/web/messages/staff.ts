// The texts of the staff records area (人员, /admin/staff). The reader look-up's texts, and a
// too long name (nameTooLong), are in the site table. One table per area: see site.ts.

export const STAFF_MESSAGES = {
  created: (name: string) => `人员“${name}”已添加，读者现在可以在“人员查询”中查到。`,
  updated: (name: string) => `人员“${name}”已保存。`,
  deleted: (name: string) => `人员“${name}”已删除。`,
  notFound: '没有这条人员记录。',
  nameMissing: '请填写姓名。',
  cardInvalid: '证件编号须为 1-40 个字母、数字或连字符（-），例如 SHFZ-2024-0001。',
  cardTaken: '这个证件编号已属于另一条人员记录。',
  positionTooLong: (max: number) => `职务不能超过 ${max} 个字。`,
  departmentTooLong: (max: number) => `部门不能超过 ${max} 个字。`,
  statusInvalid: '请选择在职或离职。',
  photoInvalid: '照片须为本站图片的路径，以 / 开头，例如 /uploads/2026/photo.jpg。',
} as const;
