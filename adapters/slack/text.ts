// Slack's message markup → the plain text a reader sees, which is what the core summarises and stores:
// &amp; &lt; &gt; decoded, <https://…|label> → label, <#C123|desk> → #desk, <@U123> and <@U123|maria> → @U123,
// <!here> → @here, <!subteam^S1|@editors> → @editors, <!date^…|fallback> → fallback.
// The mentions become plain words: stored and shown again, they ping no one (the renderers also break them).
// Slash command text goes the same way (the manifest asks Slack to escape it, so by:@maria arrives as a user id).

/** The bot's own mention, removed from an app_mention's text: "<@UBOT> report…" → "report…". */
export function stripMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').replace(/[ \t]+/g, ' ').trim();
}

function special(inner: string): string {
  const [target, label] = splitLabel(inner);
  // A user as their id, as a mention in a message (<@U123>) reads: /claims by:@U123 finds their reports.
  if (target.startsWith('@')) return `@${target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!')) {
    const name = target.slice(1).split('^')[0];
    if (label) return label.startsWith('@') || name === 'date' ? label : `@${label}`;
    return `@${name}`;
  }
  return label ?? target;
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&' };
const decode = (s: string) => s.replace(/&(lt|gt|amp);/g, (_, e: string) => ENTITY[e]);

export function fromSlackText(text: string): string {
  // One pass, so text that reads "&amp;lt;" (a literal "&lt;") is decoded once.
  return text.replace(/<([^<>\n]+)>|&(lt|gt|amp);/g, (_, inner: string | undefined, e: string | undefined) =>
    inner !== undefined ? decode(special(inner)) : ENTITY[e!],
  );
}
