// Site settings (/admin/settings, admins only): every key of SiteSettings, parsed and validated
// by forms/admin-settings-form.ts; a save refreshes the reader site's chrome at once (footer,
// time zone, sidebar poll, moderation).
import type { Request, Response } from 'express';
import type { SiteSettings } from '../../../domain/types.js';
import type { PollSummary } from '../../../repositories/poll-repository.js';
import { toSiteSettings } from '../../../services/site-settings.js';
import { yearOf } from '../../../services/site-time.js';
import { timeZoneChoices } from '../../../services/time-zones.js';
import type { AdminContext } from '../../admin-context.js';
import {
  parseSettingsForm,
  SETTING_FIELDS,
  SETTING_LABELS,
  type SettingsFormErrors,
  type SettingsFormValues,
} from '../../forms/admin-settings-form.js';
import { SETTINGS_MESSAGES } from '../../messages/settings.js';

export function settingsController({ repositories, clock, settingsService }: AdminContext) {
  const { settings } = repositories;

  function render(res: Response, values: SettingsFormValues, errors: SettingsFormErrors, polls: PollSummary[]) {
    res.render('admin/settings/edit', {
      title: SETTINGS_MESSAGES.title,
      fields: SETTING_FIELDS,
      labels: SETTING_LABELS,
      values,
      errors,
      polls,
      now: clock(),
      // the zone the site uses now stays in the list, a zone just refused does not
      timeZones: timeZoneChoices(errors.timeZone ? res.locals.site.timeZone : values.timeZone),
    });
  }

  return {
    async showSettings(_req: Request, res: Response) {
      const current = toSiteSettings(await settings.getAll());
      render(res, { ...current }, {}, await repositories.polls.listForAdmin(200, 0));
    },

    async updateSettings(req: Request, res: Response) {
      const polls = await repositories.polls.listForAdmin(200, 0);
      const currentYear = yearOf(clock(), res.locals.site.timeZone);
      const { values, errors } = parseSettingsForm(req.body, { pollIds: new Set(polls.map((p) => p.id)), currentYear });
      if (Object.keys(errors).length > 0) {
        res.status(422);
        return render(res, values, errors, polls);
      }
      const changed = await settingsService.update(res.locals.currentUser!, values as SiteSettings, SETTING_LABELS);
      req.session.flash =
        changed.length === 0
          ? { type: 'info', message: SETTINGS_MESSAGES.unchanged }
          : { type: 'success', message: SETTINGS_MESSAGES.saved };
      res.redirect(303, '/admin/settings');
    },
  };
}
