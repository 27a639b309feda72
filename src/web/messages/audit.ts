// The texts of the audit log (/admin/audit). The action names are in web/audit-labels.ts. One
// table per area: see site.ts.

export const AUDIT_MESSAGES = {
  title: '操作日志',
} as const;
