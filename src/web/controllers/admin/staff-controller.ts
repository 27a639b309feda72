// Staff records (人员查询) in the editors' area: list with search, create, edit, delete. The
// reader look-up at /staff reads the same table, so changes show there at once.
import type { Request, Response } from 'express';
import type { StaffMember } from '../../../domain/types.js';
import { StaffCardNumberTakenError, type StaffFields } from '../../../repositories/staff-repository.js';
import type { AdminContext } from '../../admin-context.js';
import { parseStaffForm, staffFormValues, type StaffFormErrors, type StaffFormValues } from '../../forms/admin-staff-form.js';
import { notFound } from '../../http-error.js';
import { STAFF_MESSAGES } from '../../messages/staff.js';
import { paginate } from '../../pagination.js';
import { pageNumber, parseId, queryString } from '../../params.js';

const PER_PAGE = 30;
const QUERY_MAX = 40;
export function staffController({ repositories, images, staffService }: AdminContext) {
  /** The form's fields, with an uploaded photo (re-encoded by the image store) as the photo path. */
  async function fieldsWithPhoto(req: Request, res: Response): Promise<unknown> {
    if (!req.file) return req.body;
    const stored = await images.save(req.file, res.locals.currentUser!); // refused types answer 400/415
    return { ...(req.body as Record<string, unknown>), photo: stored.large.url };
  }

  async function findOr404(raw: string | undefined): Promise<StaffMember> {
    const member = await repositories.staff.findById(parseId(raw));
    if (!member) throw notFound(STAFF_MESSAGES.notFound);
    return member;
  }

  function renderForm(res: Response, member: StaffMember | undefined, values: StaffFormValues, errors: StaffFormErrors = {}, status = 200) {
    res.status(status).render('admin/staff/form', { member, values, errors });
  }

  /** Saves through write(); a card number of another record comes back as a field error. */
  async function saveOr422<T>(
    res: Response,
    member: StaffMember | undefined,
    values: StaffFormValues,
    fields: StaffFields,
    write: () => Promise<T>,
  ): Promise<T | undefined> {
    const holder = await repositories.staff.findByCardNumber(fields.cardNumber);
    if (!holder || holder.id === member?.id) {
      try {
        return await write();
      } catch (err) {
        if (!(err instanceof StaffCardNumberTakenError)) throw err;
      }
    }
    renderForm(res, member, values, { cardNumber: STAFF_MESSAGES.cardTaken }, 422);
    return undefined;
  }

  return {
    async listStaff(req: Request, res: Response) {
      const page = pageNumber(req);
      const q = (queryString(req, 'q') ?? '').normalize('NFKC').trim().slice(0, QUERY_MAX);
      const total = await repositories.staff.countSearch(q);
      const pagination = paginate(page, total, PER_PAGE, q ? `/admin/staff?${new URLSearchParams({ q })}` : '/admin/staff');
      if (page > pagination.totalPages) throw notFound();
      res.render('admin/staff/index', {
        q,
        staff: await repositories.staff.search(q, pagination.slice.limit, pagination.slice.offset),
        pagination,
      });
    },

    showNewStaff(_req: Request, res: Response) {
      renderForm(res, undefined, staffFormValues());
    },

    async createStaff(req: Request, res: Response) {
      const { values, errors, member } = parseStaffForm(await fieldsWithPhoto(req, res));
      if (!member) return renderForm(res, undefined, values, errors, 422);
      const id = await saveOr422(res, undefined, values, member, () => staffService.create(res.locals.currentUser!, member));
      if (id === undefined) return;
      req.session.flash = { type: 'success', message: STAFF_MESSAGES.created(member.name) };
      res.redirect(303, '/admin/staff');
    },

    async showEditStaff(req: Request<{ id: string }>, res: Response) {
      const member = await findOr404(req.params.id);
      renderForm(res, member, staffFormValues(member));
    },

    async updateStaff(req: Request<{ id: string }>, res: Response) {
      const existing = await findOr404(req.params.id);
      const { values, errors, member } = parseStaffForm(await fieldsWithPhoto(req, res));
      if (!member) return renderForm(res, existing, values, errors, 422);
      const saved = await saveOr422(res, existing, values, member, () => staffService.update(res.locals.currentUser!, existing, member));
      if (saved === undefined) return;
      if (!saved) throw notFound(STAFF_MESSAGES.notFound);
      req.session.flash = { type: 'success', message: STAFF_MESSAGES.updated(member.name) };
      res.redirect(303, '/admin/staff');
    },

    async deleteStaff(req: Request<{ id: string }>, res: Response) {
      const member = await findOr404(req.params.id);
      if (!(await staffService.delete(res.locals.currentUser!, member))) throw notFound(STAFF_MESSAGES.notFound);
      req.session.flash = { type: 'success', message: STAFF_MESSAGES.deleted(member.name) };
      res.redirect(303, '/admin/staff');
    },
  };
}
