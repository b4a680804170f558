import { moderation } from './moderate';

export const deleteComment = moderation('delete', 'delete');
