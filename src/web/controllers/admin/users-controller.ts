// Editor and admin accounts (/admin/users, admins only): list, create, edit, delete. Nobody
// deletes or demotes themself, and the last admin stays (checked again in the repository's
// transaction, so two admins acting at once cannot both get through).
import type { Request, Response } from 'express';
import type { Role, User } from '../../../domain/types.js';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '../../../services/passwords.js';
import type { AdminContext } from '../../admin-context.js';
import { notFound } from '../../http-error.js';
import { parseId } from '../../params.js';
import { singleField } from '../../forms/single-field.js';
import { ROLE_LABELS } from '../../roles.js';

export const USERNAME = /^[a-z0-9_.-]{3,32}$/;
export const DISPLAY_NAME_MAX = 30;

const TEXT = {
  listTitle: '用户管理',
  newTitle: '新建用户',
  editTitle: (username: string) => `编辑用户 ${username}`,
  created: (username: string) => `已创建用户 ${username}。`,
  updated: (username: string) => `已保存用户 ${username}。`,
  unchanged: '用户资料没有变化。',
  deleted: (username: string) => `已删除用户 ${username}。`,
  usernameInvalid: '用户名须为 3-32 位小写字母、数字、下划线、点或连字符。',
  usernameTaken: '这个用户名已被使用。',
  displayNameRequired: '请填写显示名称。',
  displayNameTooLong: `显示名称不能超过 ${DISPLAY_NAME_MAX} 个字。`,
  roleInvalid: '请选择角色。',
  passwordRequired: '请设置密码。',
  passwordTooShort: `密码至少 ${PASSWORD_MIN} 个字符。`,
  passwordTooLong: `密码不能超过 ${PASSWORD_MAX} 个字符。`,
  passwordMismatch: '两次输入的密码不一致。',
  cannotDeleteSelf: '不能删除自己的账户。',
  cannotDemoteSelf: '不能取消自己的管理员身份。',
  lastAdmin: '网站至少要保留一位管理员：不能删除或降级最后一位管理员。',
  userGone: '这个用户不存在或已被删除。',
  fieldOnce: (name: string) => `字段 ${name} 只能提交一次。`,
};

interface UserFormValues {
  username: string;
  displayName: string;
  role: string;
}
type UserFormErrors = Partial<Record<keyof UserFormValues | 'password' | 'passwordConfirm', string>>;

const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The posted account fields; passwords are checked but never sent back to the form. */
function parseUserForm(body: unknown, creating: boolean) {
  const values: UserFormValues = {
    username: creating ? singleField(body, 'username').trim() : '',
    displayName: singleField(body, 'displayName').normalize('NFC').replace(CONTROLS, ' ').trim(),
    role: singleField(body, 'role'),
  };
  const password = singleField(body, 'password');
  const confirmation = singleField(body, 'passwordConfirm');
  const errors: UserFormErrors = {};
  if (creating && !USERNAME.test(values.username)) errors.username = TEXT.usernameInvalid;
  const nameLength = Array.from(values.displayName).length;
  if (nameLength === 0) errors.displayName = TEXT.displayNameRequired;
  else if (nameLength > DISPLAY_NAME_MAX) errors.displayName = TEXT.displayNameTooLong;
  if (values.role !== 'admin' && values.role !== 'editor') errors.role = TEXT.roleInvalid;
  const passwordLength = Array.from(password).length;
  if (password === '' && confirmation === '') {
    if (creating) errors.password = TEXT.passwordRequired;
  } else if (passwordLength < PASSWORD_MIN) errors.password = TEXT.passwordTooShort;
  else if (passwordLength > PASSWORD_MAX) errors.password = TEXT.passwordTooLong;
  else if (password !== confirmation) errors.passwordConfirm = TEXT.passwordMismatch;
  return { values, errors, password, role: values.role as Role };
}

export function usersController({ repositories, clock, userAdmin }: AdminContext) {
  const { users } = repositories;

  async function renderList(res: Response, error?: string) {
    res.render('admin/users/index', {
      title: TEXT.listTitle,
      users: await users.listSummaries(),
      roleLabels: ROLE_LABELS,
      now: clock(),
      error,
    });
  }

  function renderForm(res: Response, form: { user?: User; values: UserFormValues; errors: UserFormErrors }) {
    res.render('admin/users/form', {
      title: form.user ? TEXT.editTitle(form.user.username) : TEXT.newTitle,
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
    if (!user) throw notFound(TEXT.userGone);
    return user;
  }

  return {
    async listUsers(_req: Request, res: Response) {
      await renderList(res);
    },

    newUser(_req: Request, res: Response) {
      renderForm(res, { values: { username: '', displayName: '', role: 'editor' }, errors: {} });
    },

    async createUser(req: Request, res: Response) {
      const { values, errors, password, role } = parseUserForm(req.body, true);
      if (!errors.username && (await users.findByUsername(values.username))) errors.username = TEXT.usernameTaken;
      let id: number | undefined;
      if (Object.keys(errors).length === 0) {
        const passwordHash = await hashPassword(password);
        const outcome = await userAdmin.create(res.locals.currentUser!, {
          username: values.username,
          displayName: values.displayName,
          role,
          passwordHash,
        });
        if (outcome.kind === 'created') id = outcome.id;
        else errors.username = TEXT.usernameTaken; // taken in the meantime
      }
      if (id === undefined) {
        res.status(422);
        return renderForm(res, { values, errors });
      }
      req.session.flash = { type: 'success', message: TEXT.created(values.username) };
      res.redirect(303, '/admin/users');
    },

    async editUser(req: Request<{ id: string }>, res: Response) {
      const user = await findUser(req.params.id);
      renderForm(res, { user, values: { username: user.username, displayName: user.displayName, role: user.role }, errors: {} });
    },

    async updateUser(req: Request<{ id: string }>, res: Response) {
      const user = await findUser(req.params.id);
      const me = res.locals.currentUser!;
      const { values, errors, password, role } = parseUserForm(req.body, false);
      values.username = user.username;
      if (!errors.role && user.id === me.id && role !== 'admin') errors.role = TEXT.cannotDemoteSelf;
      if (Object.keys(errors).length === 0) {
        const passwordHash = password === '' ? undefined : await hashPassword(password);
        const outcome = await userAdmin.update(me, user.id, { displayName: values.displayName, role, passwordHash }, req.sessionID);
        if (outcome.kind === 'not-found') throw notFound(TEXT.userGone);
        if (outcome.kind === 'last-admin') errors.role = TEXT.lastAdmin;
        else {
          req.session.flash =
            outcome.kind === 'changed'
              ? { type: 'success', message: TEXT.updated(user.username) }
              : { type: 'info', message: TEXT.unchanged };
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
      if (outcome === 'not-found') throw notFound(TEXT.userGone);
      if (outcome === 'self' || outcome === 'last-admin') {
        res.status(422);
        return renderList(res, outcome === 'self' ? TEXT.cannotDeleteSelf : TEXT.lastAdmin);
      }
      req.session.flash = { type: 'success', message: TEXT.deleted(user.username) };
      res.redirect(303, '/admin/users');
    },
  };
}
