// The Discord application commands, generated from commands/: one slash command per entry of COMMANDS, its
// options read from the command's zod `args` schema (the one definition of what a command takes), plus the
// message context-menu command "Summarize claims". `npm run discord:register` sends exactly this list.
//
// From a schema field: its JSON Schema type as the option type (string, number, integer, boolean); required
// when the field has no default and is not optional; min/max length; choices from an enum (the values the
// schema's output allows, e.g. /export format, /paste mode); the zod description, else the command's usage.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type CommandInteractionOption,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import { COMMANDS } from '../../commands/index.ts';
import type { Command } from '../../commands/command.ts';

/** The message context-menu command: summarises the message it is used on, as if it had been pasted. */
export const SUMMARIZE_CLAIMS = 'Summarize claims';
/** The command the context-menu command runs, with the message text as its `text` option. */
export const CONTEXT_MENU_COMMAND = 'summarize';

/** Discord: names 1–32 lower-case letters, digits, - or _; descriptions 1–100 characters; 25 choices. */
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
const MAX_DESCRIPTION = 100;
const MAX_CHOICES = 25;
/** Discord's largest string option. */
const MAX_STRING = 6000;

interface JsonField {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

interface JsonObject {
  type?: string;
  properties?: Record<string, JsonField>;
  required?: string[];
}

const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max - 1) + '…');

function objectSchema(c: Command, io: 'input' | 'output'): JsonObject {
  const json = z.toJSONSchema(c.args, { io, unrepresentable: 'any' }) as JsonObject;
  if (json.type !== 'object') throw new Error(`/${c.name}: its args schema is not an object, so it has no Discord options`);
  return json;
}

function optionType(c: Command, name: string, field: JsonField): ApplicationCommandOptionType {
  switch (field.type) {
    case 'string':
      return ApplicationCommandOptionType.String;
    case 'integer':
      return ApplicationCommandOptionType.Integer;
    case 'number':
      return ApplicationCommandOptionType.Number;
    case 'boolean':
      return ApplicationCommandOptionType.Boolean;
    default:
      throw new Error(`/${c.name} ${name}: a ${JSON.stringify(field.type)} field has no Discord option type`);
  }
}

/** The options of one command, required ones first (Discord's rule), from its zod schema. */
export function optionsFor(c: Command): APIApplicationCommandBasicOption[] {
  const input = objectSchema(c, 'input');
  // The output side knows the values a pipe accepts in the end (`.toLowerCase().pipe(z.enum(...))`).
  const output = objectSchema(c, 'output');
  const required = new Set(input.required ?? []);
  const options = Object.entries(input.properties ?? {}).map(([name, field]) => {
    if (!NAME.test(name)) throw new Error(`/${c.name}: "${name}" cannot be a Discord option name`);
    const type = optionType(c, name, field);
    const choices = output.properties?.[name]?.enum ?? field.enum;
    const description = clip(field.description ?? `${name}: ${c.usage}`, MAX_DESCRIPTION);
    const option: Record<string, unknown> = { type, name, description, required: required.has(name) };
    if (choices && choices.length <= MAX_CHOICES) {
      option.choices = choices.map((v) => ({ name: clip(String(v), 100), value: v }));
    }
    if (type === ApplicationCommandOptionType.String && !option.choices) {
      if (field.minLength !== undefined) option.min_length = Math.min(field.minLength, MAX_STRING);
      option.max_length = Math.min(field.maxLength ?? MAX_STRING, MAX_STRING);
    }
    if (field.minimum !== undefined) option.min_value = field.minimum;
    if (field.maximum !== undefined) option.max_value = field.maximum;
    return option as unknown as APIApplicationCommandBasicOption;
  });
  return options.sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
}

export function slashCommand(c: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  if (!NAME.test(c.name)) throw new Error(`/${c.name} cannot be a Discord command name`);
  return {
    type: ApplicationCommandType.ChatInput,
    name: c.name,
    description: clip(c.summary, MAX_DESCRIPTION),
    options: optionsFor(c),
    // Server channels only: every log belongs to a channel of a server.
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/** Everything `npm run discord:register` registers: every command in commands/, then "Summarize claims". */
export function applicationCommands(commands: readonly Command[] = COMMANDS): RESTPostAPIApplicationCommandsJSONBody[] {
  return [
    ...commands.map(slashCommand),
    {
      type: ApplicationCommandType.Message,
      name: SUMMARIZE_CLAIMS,
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
    },
  ];
}

/** The options an interaction carries, as the object the command's zod schema checks. */
export function optionValues(options: readonly CommandInteractionOption[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const o of options) {
    if (o.value !== undefined) values[o.name] = o.value;
  }
  return values;
}
