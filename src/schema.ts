// The summary contract (v1) as zod schemas: the one source of truth for every surface of the bot.
// `npx claimdesk schema` prints it as JSON Schema.
import { z } from 'zod';

/** Offsets into the exact input text (UTF-16 code units), end exclusive. */
export const Span = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, { message: 'span end before start' });
export type Span = z.infer<typeof Span>;

export const SourceType = z.enum([
  'official',
  'military',
  'government',
  'state-media',
  'media',
  'anonymous',
  'expert',
  'organization',
  'company',
  'person',
  'unknown',
]);
export type SourceType = z.infer<typeof SourceType>;

export const Resolution = z.enum(['coreference', 'alias', 'explicit', 'context']);

export const Source = z.object({
  name: z.string().min(1),
  mention: z.string(),
  span: Span.nullable(),
  type: SourceType,
  resolved: Resolution,
  /** Organisation the named source speaks for ("a spokeswoman for the interior ministry"). */
  affiliation: z.string().optional(),
  /** Set when a pronoun or description could not be tied to a named source. */
  unresolved: z.boolean().optional(),
});
export type Source = z.infer<typeof Source>;

export const Conduit = z.object({ name: z.string().min(1), span: Span.nullable() });
export type Conduit = z.infer<typeof Conduit>;

export const Stance = z.enum([
  'asserts',
  'acknowledges',
  'denies',
  'describes',
  'reports',
  'warns',
  'accuses',
  'questions',
  'shows',
  'believes',
  'promises',
]);
export type Stance = z.infer<typeof Stance>;

export const Cue = z.object({ text: z.string().min(1), span: Span.nullable(), stance: Stance });
export type Cue = z.infer<typeof Cue>;

export const Hedge = z.object({ text: z.string().min(1), span: Span });
export type Hedge = z.infer<typeof Hedge>;

export const EntityType = z.enum(['place', 'organization', 'unit', 'person', 'quantity', 'date']);
export const Entity = z.object({ type: EntityType, text: z.string().min(1), span: Span });
export type Entity = z.infer<typeof Entity>;

export const Category = z.enum([
  'territorial-control',
  'losses',
  'casualties',
  'combat',
  'troop-movement',
  'weapons',
  'humanitarian',
  'political',
  'economic',
  'health',
  'other',
]);
export type Category = z.infer<typeof Category>;

export const Claim = z.object({
  id: z.string(),
  text: z.string(),
  content: z.array(Span),
  sentence: Span,
  source: Source.nullable(),
  conduit: Conduit.nullable(),
  cue: Cue.nullable(),
  hedges: z.array(Hedge),
  quote: z.boolean(),
  category: Category,
  entities: z.array(Entity),
  checkworthiness: z.number().min(0).max(1),
});
export type Claim = z.infer<typeof Claim>;

export const SourceSummary = z.object({
  name: z.string(),
  type: SourceType,
  claims: z.array(z.string()),
  conduits: z.array(z.string()),
});
export type SourceSummary = z.infer<typeof SourceSummary>;

export const FlagCode = z.enum([
  'single-party-sourcing',
  'anonymous-sources',
  'unattributed-hedged',
  'conflicting-figures',
  'unverified',
  'unresolved-source',
]);
export type FlagCode = z.infer<typeof FlagCode>;

export const Flag = z.object({ code: FlagCode, message: z.string(), claims: z.array(z.string()) });
export type Flag = z.infer<typeof Flag>;

export const SUMMARY_SCHEMA_ID = 'claimdesk.summary/v1';

export const Summary = z.object({
  schema: z.literal(SUMMARY_SCHEMA_ID),
  headline: z.string(),
  language: z.string(),
  stats: z.object({
    chars: z.number().int().nonnegative(),
    words: z.number().int().nonnegative(),
    sentences: z.number().int().nonnegative(),
  }),
  claims: z.array(Claim),
  sources: z.array(SourceSummary),
  flags: z.array(Flag),
  /** Notes about the input itself (markup masked, text not English, ...). */
  notices: z.array(z.string()).optional(),
});
export type Summary = z.infer<typeof Summary>;

/** The summary contract as JSON Schema (draft 2020-12). */
export function summaryJsonSchema(): unknown {
  return z.toJSONSchema(Summary, { io: 'output', unrepresentable: 'any' });
}
