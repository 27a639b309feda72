// 投票·调查: the poll page (results with bars and percentages, the reader's own choice marked,
// and the vote form, which works without JavaScript) and POST /polls/:id/vote, which the
// sidebar's form posts to in one click. One vote per session, a daily cap per address, counts
// updated in an IMMEDIATE transaction.
import type { Request, Response } from 'express';
import type { Poll } from '../../domain/types.js';
import { pollState, withPercentages } from '../../services/poll-rules.js';
import type { SiteContext } from '../site-context.js';
import { HttpError, badRequest, notFound } from '../http-error.js';
import { csrfToken } from '../middleware/csrf.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { parseId } from '../params.js';

/** The chosen option ids from a query string or form body: one value or several. */
function chosenOptions(raw: unknown, poll: Poll, { strict }: { strict: boolean }): number[] {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (values.some((v) => typeof v !== 'string')) throw badRequest(SITE_MESSAGES.pollBadOption);
  if (strict && !poll.isMultiple && values.length > 1) throw badRequest(SITE_MESSAGES.pollSingleChoice);
  const ids = (values as string[]).map((v) => (/^\d{1,12}$/.test(v) ? Number(v) : NaN));
  const known = new Set(poll.options.map((o) => o.id));
  if (ids.some((id) => !known.has(id))) {
    if (strict) throw badRequest(SITE_MESSAGES.pollBadOption);
    return ids.filter((id) => known.has(id));
  }
  return [...new Set(ids)];
}

export function pollController({ repositories, clock, hashAddress, pollService }: SiteContext) {
  async function render(req: Request, res: Response, poll: Poll, options: { selected: number[]; error?: string }) {
    const { results, totalVotes } = withPercentages(poll.options);
    const state = pollState(poll, clock());
    const flash = req.session?.flash;
    if (flash) delete req.session.flash;
    const choices = await repositories.polls.choicesOf(poll.id, req.sessionID);
    const voted = choices !== undefined;
    res.render('polls/show', {
      meta: { title: SITE_MESSAGES.pollTitle(poll.question), description: poll.question, path: `/polls/${poll.id}` },
      poll,
      results,
      totalVotes,
      state,
      voted,
      choices: new Set(choices),
      selected: options.selected,
      error: options.error,
      flash,
      // a form (and so a session) only while the reader can still vote
      csrfToken: state === 'open' && !voted ? csrfToken(req) : undefined,
    });
  }

  async function findPoll(raw: string | undefined): Promise<Poll> {
    const poll = await repositories.polls.findById(parseId(raw));
    if (!poll) throw notFound(SITE_MESSAGES.pollNotFound);
    return poll;
  }

  return {
    async showPoll(req: Request<{ id: string }>, res: Response) {
      const poll = await findPoll(req.params.id);
      // The sidebar's GET form brings the reader's choice here to be confirmed and posted.
      await render(req, res, poll, { selected: chosenOptions(req.query.option, poll, { strict: false }) });
    },

    async vote(req: Request<{ id: string }>, res: Response) {
      const poll = await findPoll(req.params.id);
      const state = pollState(poll, clock());
      if (state !== 'open') throw new HttpError(403, state === 'closed' ? SITE_MESSAGES.pollClosed : SITE_MESSAGES.pollNotOpen);
      const optionIds = chosenOptions((req.body as Record<string, unknown>).option, poll, { strict: true });
      if (optionIds.length === 0) {
        res.status(422);
        return render(req, res, poll, { selected: [], error: SITE_MESSAGES.pollChooseOne });
      }
      const outcome = await pollService.vote({ pollId: poll.id, optionIds, sessionId: req.sessionID, ipHash: hashAddress(req.ip ?? '') });
      if (outcome === 'address-cap') throw new HttpError(429, SITE_MESSAGES.pollAddressCap);
      req.session.flash =
        outcome === 'counted'
          ? { type: 'success', message: SITE_MESSAGES.pollVoted }
          : { type: 'info', message: SITE_MESSAGES.pollAlreadyVoted };
      res.redirect(303, `/polls/${poll.id}`);
    },
  };
}
