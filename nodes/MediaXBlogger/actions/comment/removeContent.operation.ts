import { moderation } from './moderate';

export const removeContent = moderation('removeContent', 'removecontent');
