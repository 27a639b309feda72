// Editor and admin accounts (/admin/users, admins only): list, create, edit, delete; the form
// is parsed by forms/admin-user-form.ts. Nobody deletes or demotes themself, and the last admin
// stays (checked again in the user admin service's transaction, so two admins acting at once
// cannot both get through).
import type { Request, Response } from 'express';
import type { User } from '../../../domain/types.js';
import { PASSWORD_MIN } from '../../../services/passwords.js';
import type { AdminContext } from '../../admin-context.js';
import { DISPLAY_NAME_MAX, parseUserForm, userFormValues, type UserFormErrors, type UserFormValues } from '../../forms/admin-user-form.js';
import { notFound } from '../../http-error.js';
import { USERS_MESSAGES } from '../../messages/users.js';
import { parseId } from '../../params.js';
import { ROLE_LABELS } from '../../roles.js';

export function usersController({ repositories, clock, userAdmin }: AdminContext) {
  const { users } = repositories;

  async function renderList(res: Response, error?: string) {
    res.render('admin/users/index', {
      title: USERS_MESSAGES.listTitle,
      users: await users.listSummaries(),
      roleLabels: ROLE_LABELS,
      now: clock(),
      error,
    });
  }

  function renderForm(res: Response, form: { user?: User; values: UserFormValues; errors: UserFormErrors }) {
    res.render('admin/users/form', {
      title: form.user ? USERS_MESSAGES.editTitle(form.user.username) : USERS_MESSAGES.newTitle,
      user: form.user,
      values: form.values,
      errors: form.errors,
      roleLabels: ROLE_LABELS,
      passwordMin: PASSWORD_MIN,
      displayNameMax: DISPLAY_NAME_MAX,
    });
  }

  async function findUser(raw: string | undefined): Promise<User> {
    const user = await users.findById(parseId(raw));
    if (!user) throw notFound(USERS_MESSAGES.userGone);
    return user;
  }

  return {
    async listUsers(_req: Request, res: Response) {
      await renderList(res);
    },

    newUser(_req: Request, res: Response) {
      renderForm(res, { values: userFormValues(), errors: {} });
    },

    async createUser(req: Request, res: Response) {
      const { values, errors, password, role } = parseUserForm(req.body, true);
      if (!errors.username && (await users.findByUsername(values.username))) errors.username = USERS_MESSAGES.usernameTaken;
      let id: number | undefined;
      if (Object.keys(errors).length === 0) {
        const outcome = await userAdmin.create(res.locals.currentUser!, {
          username: values.username,
          displayName: values.displayName,
          role,
          password,
        });
        if (outcome.kind === 'created') id = outcome.id;
        else errors.username = USERS_MESSAGES.usernameTaken; // taken in the meantime
      }
      if (id === undefined) {
        res.status(422);
        return renderForm(res, { values, errors });
      }
      req.session.flash = { type: 'success', message: USERS_MESSAGES.created(values.username) };
      res.redirect(303, '/admin/users');
    },

    async editUser(req: Request<{ id: string }>, res: Response) {
      const user = await findUser(req.params.id);
      renderForm(res, { user, values: userFormValues(user), errors: {} });
    },

    async updateUser(req: Request<{ id: string }>, res: Response) {
      const user = await findUser(req.params.id);
      const me = res.locals.currentUser!;
      const { values, errors, password, role } = parseUserForm(req.body, false);
      values.username = user.username;
      if (!errors.role && user.id === me.id && role !== 'admin') errors.role = USERS_MESSAGES.cannotDemoteSelf;
      if (Object.keys(errors).length === 0) {
        const changes = { displayName: values.displayName, role, password: password === '' ? undefined : password };
        const outcome = await userAdmin.update(me, user.id, changes, req.sessionID);
        if (outcome.kind === 'not-found') throw notFound(USERS_MESSAGES.userGone);
        if (outcome.kind === 'last-admin') errors.role = USERS_MESSAGES.lastAdmin;
        else {
          req.session.flash =
            outcome.kind === 'changed'
              ? { type: 'success', message: USERS_MESSAGES.updated(user.username) }
              : { type: 'info', message: USERS_MESSAGES.unchanged };
          return res.redirect(303, '/admin/users');
        }
      }
      res.status(422);
      renderForm(res, { user, values, errors });
    },

    async deleteUser(req: Request<{ id: string }>, res: Response) {
      const user = await findUser(req.params.id);
      const me = res.locals.currentUser!;
      const outcome = user.id === me.id ? 'self' : (await userAdmin.delete(me, user.id)).kind;
      if (outcome === 'not-found') throw notFound(USERS_MESSAGES.userGone);
      if (outcome === 'self' || outcome === 'last-admin') {
        res.status(422);
        return renderList(res, outcome === 'self' ? USERS_MESSAGES.cannotDeleteSelf : USERS_MESSAGES.lastAdmin);
      }
      req.session.flash = { type: 'success', message: USERS_MESSAGES.deleted(user.username) };
      res.redirect(303, '/admin/users');
    },
  };
}
