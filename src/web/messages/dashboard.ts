// The texts of the dashboard (/admin). One table per area: see site.ts.

export const DASHBOARD_MESSAGES = {
  title: '仪表盘',
} as const;
