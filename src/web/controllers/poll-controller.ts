// Poll results (投票·调查): bars and percentages rendered on the server.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { notFound } from '../http-error.js';
import { parseId } from '../params.js';

export function pollController({ repositories, clock }: SiteContext) {
  return {
    async showPoll(req: Request<{ id: string }>, res: Response) {
      const poll = await repositories.polls.findById(parseId(req.params.id));
      if (!poll) throw notFound('没有这项调查。');
      const now = clock();
      const totalVotes = poll.options.reduce((sum, option) => sum + option.votes, 0);
      const results = poll.options.map((option) => ({
        ...option,
        percent: totalVotes === 0 ? 0 : Math.round((option.votes / totalVotes) * 1000) / 10,
      }));
      const state = now < poll.startsAt ? 'upcoming' : poll.endsAt !== null && now >= poll.endsAt ? 'closed' : 'open';
      res.render('polls/show', {
        meta: { title: `投票调查：${poll.question}`, description: poll.question, path: `/polls/${poll.id}` },
        poll,
        results,
        totalVotes,
        state,
      });
    },
  };
}
