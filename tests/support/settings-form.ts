// The site settings form (/admin/settings) as a browser would post it as it stands: the text
// inputs, the checked moderation radio, the selected options.
import type { Page } from './test-app.js';

export function settingsFormValues(page: Page): Record<string, string> {
  const { $ } = page;
  const values: Record<string, string> = {};
  $('#settings-form input[type=text], #settings-form input[type=hidden]').each((_, el) => {
    values[$(el).attr('name')!] = String($(el).val() ?? '');
  });
  values.commentModeration = String($('#settings-form input[name=commentModeration]:checked').val() ?? '');
  values.sidebarPollId = String($('#settings-form select[name=sidebarPollId] option:selected').attr('value') ?? '');
  values.timeZone = String($('#settings-form select[name=timeZone] option:selected').attr('value') ?? '');
  return values;
}
