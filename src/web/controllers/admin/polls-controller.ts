// Polls (投票调查) in the editors' area: list, create, edit (options keep their votes), results,
// which poll the sidebar shows, delete. Every change refreshes the sidebar at once.
import type { Request, Response } from 'express';
import type { Poll } from '../../../domain/types.js';
import { PollOptionHasVotesError, UnknownPollOptionError } from '../../../repositories/poll-repository.js';
import { pollState } from '../../../services/poll-rules.js';
import type { AdminContext } from '../../admin-context.js';
import { parsePollForm, pollFormValues, type PollFormErrors, type PollFormValues } from '../../forms/admin-poll-form.js';
import { badRequest, notFound } from '../../http-error.js';
import { POLLS_MESSAGES } from '../../messages/polls.js';
import { SITE_MESSAGES } from '../../messages/site.js';
import { paginate } from '../../pagination.js';
import { pageNumber, parseId } from '../../params.js';

const PER_PAGE = 20;
export function pollsController({ repositories, clock, pollService }: AdminContext) {
  async function findOr404(raw: string | undefined): Promise<Poll> {
    const poll = await repositories.polls.findById(parseId(raw));
    if (!poll) throw notFound(SITE_MESSAGES.pollNotFound);
    return poll;
  }

  function renderForm(res: Response, poll: Poll | undefined, values: PollFormValues, errors: PollFormErrors = {}, status = 200) {
    res.status(status).render('admin/polls/form', { poll, values, errors });
  }

  /** The poll the sidebar names in the settings, if it is set (otherwise the newest open one shows). */
  async function chosenSidebarPollId(): Promise<string> {
    return (await repositories.settings.getAll()).sidebarPollId ?? '';
  }

  return {
    async listPolls(req: Request, res: Response) {
      const page = pageNumber(req);
      const total = await repositories.polls.count();
      const pagination = paginate(page, total, PER_PAGE, '/admin/polls');
      if (page > pagination.totalPages) throw notFound();
      const now = clock();
      const polls = await repositories.polls.listForAdmin(pagination.slice.limit, pagination.slice.offset);
      res.render('admin/polls/index', {
        polls: polls.map((poll) => ({ ...poll, state: pollState(poll, now) })),
        pagination,
        sidebarPollId: res.locals.chrome.poll?.id,
        sidebarChosen: (await chosenSidebarPollId()) !== '',
      });
    },

    showNewPoll(_req: Request, res: Response) {
      renderForm(res, undefined, pollFormValues(undefined, clock(), res.locals.site.timeZone));
    },

    async createPoll(req: Request, res: Response) {
      const { values, errors, poll } = parsePollForm(req.body, res.locals.site.timeZone);
      if (!poll) return renderForm(res, undefined, values, errors, 422);
      const id = await pollService.create(res.locals.currentUser!, poll);
      req.session.flash = { type: 'success', message: POLLS_MESSAGES.created };
      res.redirect(303, `/admin/polls/${id}`);
    },

    async showPoll(req: Request<{ id: string }>, res: Response) {
      const poll = await findOr404(req.params.id);
      const totalVotes = poll.options.reduce((sum, option) => sum + option.votes, 0);
      res.render('admin/polls/show', {
        poll,
        totalVotes,
        results: poll.options.map((option) => ({
          ...option,
          percent: totalVotes === 0 ? 0 : Math.round((option.votes / totalVotes) * 1000) / 10,
        })),
        state: pollState(poll, clock()),
        inSidebar: res.locals.chrome.poll?.id === poll.id,
      });
    },

    async showEditPoll(req: Request<{ id: string }>, res: Response) {
      const poll = await findOr404(req.params.id);
      renderForm(res, poll, pollFormValues(poll, clock(), res.locals.site.timeZone));
    },

    async updatePoll(req: Request<{ id: string }>, res: Response) {
      const existing = await findOr404(req.params.id);
      const { values, errors, poll } = parsePollForm(req.body, res.locals.site.timeZone, existing.options);
      if (!poll) return renderForm(res, existing, values, errors, 422);
      try {
        if (!(await pollService.update(res.locals.currentUser!, existing.id, poll))) throw notFound(SITE_MESSAGES.pollNotFound);
      } catch (err) {
        // a vote arrived for an option while it was being removed: nothing was saved
        if (err instanceof PollOptionHasVotesError) {
          return renderForm(res, existing, values, { options: POLLS_MESSAGES.optionHasVotes(err.label, err.votes) }, 422);
        }
        if (err instanceof UnknownPollOptionError) throw badRequest(POLLS_MESSAGES.unknownOption);
        throw err;
      }
      req.session.flash = { type: 'success', message: POLLS_MESSAGES.updated };
      res.redirect(303, `/admin/polls/${existing.id}`);
    },

    async deletePoll(req: Request<{ id: string }>, res: Response) {
      const poll = await findOr404(req.params.id);
      if (!(await pollService.delete(res.locals.currentUser!, poll.id))) throw notFound(SITE_MESSAGES.pollNotFound);
      req.session.flash = { type: 'success', message: POLLS_MESSAGES.deleted(poll.question) };
      res.redirect(303, '/admin/polls');
    },

    async showInSidebar(req: Request<{ id: string }>, res: Response) {
      const poll = await findOr404(req.params.id);
      await pollService.showInSidebar(res.locals.currentUser!, poll);
      const open = pollState(poll, clock()) === 'open';
      req.session.flash = {
        type: 'success',
        message: open ? POLLS_MESSAGES.inSidebar(poll.question) : POLLS_MESSAGES.inSidebarNotOpen(poll.question),
      };
      res.redirect(303, '/admin/polls');
    },

    async showNewestInSidebar(req: Request, res: Response) {
      await pollService.showInSidebar(res.locals.currentUser!, undefined);
      req.session.flash = { type: 'success', message: POLLS_MESSAGES.sidebarAuto };
      res.redirect(303, '/admin/polls');
    },
  };
}
