import { moderation } from './moderate';

export const markAsSpam = moderation('markAsSpam', 'spam');
