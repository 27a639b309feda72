// The follow-up states of a 事件追踪 topic, as readers read them ('none': a plain 专题).
import type { TopicStatus } from '../domain/types.js';

export const TOPIC_STATUSES: readonly TopicStatus[] = ['none', 'investigating', 'responded', 'rectified', 'closed'];

export const TOPIC_STATUS_NAMES: Record<TopicStatus, string> = {
  none: '',
  investigating: '调查中',
  responded: '已回应',
  rectified: '已整改',
  closed: '已结案',
};
