// 我的账户 (/admin/account): every editor sees their account and changes their own password
// (the current one required; their other sessions end).
import type { Request, Response } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { parsePasswordForm, type PasswordFormErrors } from '../../forms/password-form.js';
import { ACCOUNT_MESSAGES } from '../../messages/account.js';
import { PASSWORD_MIN } from '../../../services/passwords.js';
import { ROLE_LABELS } from '../../roles.js';

export function accountController({ auth }: AdminContext) {
  function render(res: Response, errors: PasswordFormErrors = {}, status = 200) {
    res.status(status).render('admin/account/show', {
      title: ACCOUNT_MESSAGES.title,
      errors,
      roleLabels: ROLE_LABELS,
      passwordMin: PASSWORD_MIN,
    });
  }

  return {
    showAccount(_req: Request, res: Response) {
      render(res);
    },

    async changePassword(req: Request, res: Response) {
      const user = res.locals.currentUser!;
      const { current, password, errors } = parsePasswordForm(req.body, user.username);
      if (Object.keys(errors).length > 0) return render(res, errors, 422);
      const outcome = await auth.changePassword(user.id, current, password, req.sessionID);
      if (outcome !== 'changed') return render(res, { current: ACCOUNT_MESSAGES.currentWrong }, 422);
      req.session.flash = { type: 'success', message: ACCOUNT_MESSAGES.changed };
      res.redirect(303, '/admin/account');
    },
  };
}
