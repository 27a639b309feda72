// Parses and validates a reader's report (举报) of a comment: a reason from the fixed list, an
// optional plain-text note (required for 其他), and the captcha.
import { REPORT_REASONS, type ReportReason } from '../../services/report-service.js';
import { REPORTS_MESSAGES } from '../messages/reports.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { singleField } from './single-field.js';
import { cleanText, visibleLength } from './text-input.js';

export const REPORT_DETAIL_MAX = 200;

export interface ReportFormValues {
  reason: string;
  detail: string;
}

export type ReportFormErrors = Partial<Record<keyof ReportFormValues | 'captcha', string>>;

export function parseReportForm(body: unknown): {
  values: ReportFormValues;
  captcha: string;
  errors: ReportFormErrors;
  reason: ReportReason | undefined;
} {
  const values = { reason: singleField(body, 'reason').trim(), detail: cleanText(singleField(body, 'detail')) };
  const captcha = singleField(body, 'captcha').trim();
  const errors: ReportFormErrors = {};
  const reason = REPORT_REASONS.find((r) => r === values.reason);
  if (!reason) errors.reason = REPORTS_MESSAGES.reasonMissing;
  if (visibleLength(values.detail) > REPORT_DETAIL_MAX) errors.detail = REPORTS_MESSAGES.detailTooLong(REPORT_DETAIL_MAX);
  else if (reason === 'other' && values.detail === '') errors.detail = REPORTS_MESSAGES.detailNeeded;
  if (captcha === '') errors.captcha = SITE_MESSAGES.captchaEmpty;
  return { values, captcha, errors, reason };
}
