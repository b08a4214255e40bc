// Pasted text must never ping anyone when the bot echoes it: every renderer (and every reply's fallback line)
// passes user text through here.
const ZWSP = '\u200B';

/**
 * Breaks mass and direct mentions with a zero-width space, so they read the same and ping no one:
 * "@everyone", "@here", "@channel"; Slack "<!here>", "<!channel>", "<@U123>", "<#C123>", "<!subteam^…>";
 * Discord "<@123>", "<@!123>", "<@&role>".
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here|channel)\b/gi, `@${ZWSP}$1`).replace(/<([@!#])/g, `<${ZWSP}$1`);
}
