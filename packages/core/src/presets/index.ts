export { AGENT_CATEGORIES, AGENT_CHAPTERS, CHAPTER_NAMES, cupidPreset } from './cupid';
export type { DashboardPreset } from './types';
