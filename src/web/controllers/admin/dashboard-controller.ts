// The dashboard: today's views, a 30-day chart, pending comments, latest submissions and
// recent activity.
import type { Request, Response } from 'express';
import { barChart } from '../../../services/bar-chart.js';
import { complianceGaps } from '../../../services/compliance-check.js';
import { stagesActedAtBy } from '../../../services/workflow-rules.js';
import { SETTING_LABELS } from '../../forms/admin-settings-form.js';
import { dayKey, formatMonthDay } from '../../../services/site-time.js';
import type { AdminContext } from '../../admin-context.js';
import { auditActionLabel } from '../../audit-labels.js';
import { DASHBOARD_MESSAGES } from '../../messages/dashboard.js';

const DAY = 24 * 60 * 60_000;
const CHART_DAYS = 30;

export function dashboardController({ repositories, clock, viewCounter }: AdminContext) {
  return {
    async showDashboard(_req: Request, res: Response) {
      const zone = res.locals.site.timeZone;
      const now = clock();
      const days = Array.from({ length: CHART_DAYS }, (_, i) => now - (CHART_DAYS - 1 - i) * DAY);
      const stored = await repositories.viewStats.pageViewsByDay(dayKey(days[0]!, zone), dayKey(now, zone));
      const today = dayKey(now, zone);
      const pendingToday = viewCounter.pendingPageViews().today;
      const points = days.map((instant) => {
        const key = dayKey(instant, zone);
        return { label: formatMonthDay(instant, zone), value: (stored.get(key) ?? 0) + (key === today ? pendingToday : 0) };
      });
      const [commentCounts, submissions, newSubmissions, activity, articleCount, inReview] = await Promise.all([
        repositories.comments.countByStatus(),
        repositories.submissions.list({ limit: 5 }),
        repositories.submissions.count('new'),
        repositories.audit.listRecent(10),
        repositories.articles.countVisible(undefined, now),
        repositories.articles.countInReview(),
      ]);
      const user = res.locals.currentUser!;
      // "waiting for me": the stages this user acts at (编辑 初审 and 复审, 主编 also 终审)
      const reviewCounts = stagesActedAtBy(user.role).map(({ stage, name }) => ({
        stage,
        name,
        count: inReview[stage],
      }));
      res.render('admin/dashboard/show', {
        title: DASHBOARD_MESSAGES.title,
        todayViews: points.at(-1)!.value,
        chart: barChart(points),
        commentCounts,
        submissions,
        newSubmissions,
        activity,
        articleCount,
        actionLabel: auditActionLabel,
        complianceGaps: complianceGaps(res.locals.site).map((gap) => ({ ...gap, label: SETTING_LABELS[gap.key] })),
        isAdmin: user.role === 'admin',
        reviewCounts,
      });
    },
  };
}
