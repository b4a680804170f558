import { moderation } from './moderate';

export const approve = moderation('approve', 'approve');
