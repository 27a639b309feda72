// 合规自检: the registration, licence and reporting lines a licensed news site must show in its
// footer, and which of them are still empty or still the demo value.
import type { SiteSettings } from '../domain/types.js';
import { DEFAULT_SETTINGS } from './site-settings.js';

export const REQUIRED_FOOTER_LINES = ['icpNumber', 'publicSecurityNumber', 'newsLicenseNumber', 'reportPhone', 'reportEmail'] as const;

export type RequiredFooterLine = (typeof REQUIRED_FOOTER_LINES)[number];

export interface ComplianceGap {
  key: RequiredFooterLine;
  state: 'empty' | 'demo';
}

export function complianceGaps(settings: SiteSettings): ComplianceGap[] {
  return REQUIRED_FOOTER_LINES.flatMap((key): ComplianceGap[] => {
    const value = settings[key].trim();
    if (value === '') return [{ key, state: 'empty' }];
    if (value === DEFAULT_SETTINGS[key] || value.includes('演示')) return [{ key, state: 'demo' }];
    return [];
  });
}
