/**
 * Short message texts (40–200 characters) the generator draws from. They are shared by every
 * session, so a million observations cost no extra string memory; a few carry accents and
 * emoji so text handling (search, JSON, SQLite) sees non-ASCII data.
 */

/** One chat message as Langfuse shows it in a generation's input. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** System prompts by agent; each generation's input starts with its agent's prompt. */
export const SYSTEM_PROMPTS: Readonly<Record<string, ChatMessage>> = Object.freeze({
  HasEnded: {
    role: 'system',
    content: 'Decide whether the Cupid game has ended. Answer with JSON: {"ended": true|false}.',
  },
  Introduction: {
    role: 'system',
    content:
      'You are Cupid, a playful matchmaker. Greet the player and explain the game in two lines.',
  },
  Mortal: {
    role: 'system',
    content:
      'Invent the mortal the player will help: name, age, job, one quirk. Stay under 60 words.',
  },
  Match: {
    role: 'system',
    content:
      'Invent a fitting match for the mortal, with a reason they might clash. Under 60 words.',
  },
  CompatibilityAnalysis: {
    role: 'system',
    content:
      'Score the couple from 0 to 100 on values, humour and lifestyle, and justify each score.',
  },
  CupidEvaluation: {
    role: 'system',
    content: "Judge the player's choices as Cupid: did love win? Give a verdict and a grade A–F.",
  },
});

export const MORTAL_NAMES = ['Léa', 'Tomás', 'Aiko', 'Priya', 'Jonas', 'Zoë', 'Mateo', 'Nour'];

export const MATCH_NAMES = ['Émile', 'Sofia', 'Kenji', 'Amara', 'Lukas', 'Inès', 'Rafael', 'Mei'];

/** What the player types or picks, one per turn. */
export const PLAYER_MESSAGES: readonly string[] = [
  "Let's play! I'm ready to make someone fall in love.",
  'Start the game please, I have ten minutes before my bus.',
  'Tell me more about this mortal — what do they do all day?',
  'Can you make the match a little more adventurous?',
  'Show me the compatibility card — are they a good fit?',
  'Option B: they meet at the night market 🌙',
  'Option A: a rainy afternoon in a tiny café in Montréal ☕',
  'Have them argue about pineapple on pizza, then laugh about it.',
  'I choose the bold move: a handwritten letter.',
  'Let them miss the last train together 🚆',
  'Skip the small talk. Go straight to the rooftop scene.',
  'Hmm, option C. Honesty first, even if it hurts.',
  'Can they cook dinner together? Something with crème brûlée.',
  'Make it awkward but sweet, like a real first date 😅',
  'I want to see how it ends! Take me to the final scene.',
  'Was that a good ending? Rate me, Cupid 💘',
];

export const INTRODUCTION_OUTPUTS: readonly string[] = [
  "Welcome, matchmaker! I'm Cupid 💘. Pick a mortal, find their match, and guide them to love.",
  'Ah, a new apprentice! Together we will pair two hearts. Ready your arrows and choose wisely.',
  'Bonjour! Love is a game of choices. Make the right ones and your couple lives happily ever after.',
];

export const STORY_OUTPUTS: readonly string[] = [
  'They laugh at the same moment and both pretend it was nothing. The tension is… promising.',
  'The café is full, so they share a table. She steals his croissant; he lets her. 🥐',
  'A sudden storm. One umbrella. Neither wants to be the first to suggest sharing it.',
  'He forgets her name for a second. She notices. It could go either way now.',
  'They talk until the market lights go out, then realize they never ordered food.',
  'An old friend interrupts with an awkward story from their past. Damage control needed!',
  'She hums the song he wrote as a teenager. He turns bright red. Adorable.',
  'The letter arrives late, smudged by rain, but every word still lands.',
  'A street musician plays their song. Coincidence? Cupid never tells. 🎻',
  'They disagree about the film, loudly, and enjoy every second of it.',
  'The rooftop is freezing. He offers his scarf; she offers a terrible pun.',
  'Dinner burns. They order noodles and eat them on the kitchen floor. 🍜',
  'A text arrives at 2 a.m.: "are you awake?" It was typed eleven times.',
  'Her sister asks too many questions. He answers all of them, charmingly.',
  'They miss the last train and walk home the long way, on purpose.',
  'Jealousy flickers over an old photo, then fades into an honest talk.',
];

export const COMPATIBILITY_OUTPUTS: readonly string[] = [
  'Values 82, humour 91, lifestyle 64. Overall 79: strong spark, different sleep schedules.',
  'Values 58, humour 73, lifestyle 88. Overall 72: a cozy pair who will need to talk more.',
  'Values 94, humour 45, lifestyle 70. Overall 70: deep trust, very different jokes.',
  'Values 67, humour 96, lifestyle 52. Overall 71: endless laughs, chaotic calendars. 🎲',
];

export const EVALUATION_OUTPUTS: readonly string[] = [
  'Verdict: love wins! Grade A. You read both hearts and never forced the moment. 💞',
  'Verdict: a slow burn. Grade B. One risky choice nearly cost them, but honesty saved it.',
  'Verdict: friends for now. Grade C. Sweet choices, but too cautious to light the spark.',
  'Verdict: chaos, then romance. Grade B+. Unconventional, and it somehow worked.',
];

export const END_OUTPUTS: readonly string[] = [
  'Thanks for playing Cupid! Come back soon for a new pair of hearts.',
  "The arrow has flown. Your couple's story is complete — à bientôt!",
];

export const HAS_ENDED_NO = '{"ended": false}';
export const HAS_ENDED_YES = '{"ended": true}';

/** Upstream failures, as the LLM SDKs report them. */
export const ERROR_MESSAGES: readonly string[] = [
  'Rate limit exceeded upstream (429)',
  'Timeout after 60s waiting for the model',
  'Upstream 503: model overloaded',
  'Invalid JSON in model response',
  'Connection reset by peer',
];

export const WARNING_MESSAGES: readonly string[] = [
  'Output truncated at max_tokens',
  'Retried once after a 429 from the provider',
  'Content filter flagged a phrase; response regenerated',
  'Slow upstream response (> 10 s)',
];

export const JOBS = [
  'a night-shift baker',
  'a marine biologist',
  'a jazz pianist',
  'a hospital nurse',
  'a retired pilot',
  'a video-game tester',
  'a florist',
  'a street photographer',
];

export const QUIRKS = [
  'collects vintage maps',
  'talks to houseplants',
  'cannot whistle',
  'knows every tram timetable by heart',
  'bakes when nervous',
  'has never seen the sea',
];

export const CLASH_TOPICS = ['punctuality', 'cats vs. dogs', 'money', 'mornings', 'spicy food'];

/** What the player says in each chapter (the story chapter has the most choices). */
export const PLAYER_MESSAGES_BY_CHAPTER: Readonly<Record<number, readonly string[]>> = {
  0: PLAYER_MESSAGES.slice(0, 2),
  1: PLAYER_MESSAGES.slice(2, 3),
  2: PLAYER_MESSAGES.slice(3, 4),
  3: PLAYER_MESSAGES.slice(4, 5),
  4: PLAYER_MESSAGES.slice(5, 14),
  5: PLAYER_MESSAGES.slice(14, 15),
  6: PLAYER_MESSAGES.slice(15, 16),
};
