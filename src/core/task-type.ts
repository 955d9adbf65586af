import { z } from 'zod';
import { MODALITIES } from './modality.js';

/**
 * A task type is a kind of work a plan step can ask for (Hugging Face pipeline tags where
 * one fits). Planners see only this documentation: what it does, what it takes, what it
 * gives, its parameters as JSON Schema, and example requests.
 */
export const TaskInputSchema = z.object({
  name: z.string().min(1),
  modality: z.enum(MODALITIES),
  required: z.boolean().default(true),
  description: z.string().default(''),
});

export const TaskTypeSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'task type ids are kebab-case'),
  name: z.string().min(1),
  description: z.string().min(1),
  /** The Hugging Face pipeline tag this type corresponds to, when it is not itself one. */
  hfPipelineTag: z.string().optional(),
  // API tools (TaskBench's daily-life APIs) take only parameters.
  inputs: z.array(TaskInputSchema),
  output: z.object({ modality: z.enum(MODALITIES), description: z.string().default('') }),
  /** JSON Schema of the parameters (type object). `format: "language"` marks a language code; `format: "request"` the user's own words (a question); `format: "label"` the kind of thing a type finds, one of the labels it knows ("cat"), whose words name the type. */
  params: z.record(z.string(), z.unknown()).default({ type: 'object', properties: {} }),
  /** Requests this type serves, in a user's words: the usage examples of the documentation. */
  examples: z.array(z.string()).default([]),
});

export type TaskType = z.infer<typeof TaskTypeSchema>;

export interface ParamSpec {
  name: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  /** For `oneOf: [{const, description}]` enumerations: what each value means, in words. */
  enumDescriptions?: Record<string, string>;
  minimum?: number;
  maximum?: number;
  description?: string;
  default?: unknown;
  required: boolean;
}

/** The parameters of a type, flattened from its JSON Schema for planners and prompts. */
export function paramSpecs(type: TaskType): ParamSpec[] {
  const schema = type.params as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, p]) => {
    const options = Array.isArray(p.oneOf) ? (p.oneOf as Array<{ const?: unknown; description?: string }>).filter((o) => o.const !== undefined) : [];
    return {
      name,
      type: typeof p.type === 'string' ? p.type : undefined,
      format: typeof p.format === 'string' ? p.format : undefined,
      enum: Array.isArray(p.enum) ? p.enum : options.length ? options.map((o) => o.const) : undefined,
      enumDescriptions: options.length ? Object.fromEntries(options.map((o) => [String(o.const), o.description ?? ''])) : undefined,
      minimum: typeof p.minimum === 'number' ? p.minimum : undefined,
      maximum: typeof p.maximum === 'number' ? p.maximum : undefined,
      description: typeof p.description === 'string' ? p.description : undefined,
      default: p.default,
      required: required.has(name),
    };
  });
}
