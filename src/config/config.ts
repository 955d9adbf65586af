import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ErrorCode, TroupeError } from '../core/errors.js';

const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the NAME of an environment variable, not its value');

/** An MCP server whose tools join the catalog each time Troupe starts. */
const McpServerSchema = z
  .object({
    /** A command line started over stdio, e.g. "npx -y @modelcontextprotocol/server-everything". */
    command: z.string().min(1).optional(),
    /** A streamable-HTTP endpoint. */
    url: z.url().optional(),
  })
  .strict()
  .refine((s) => Boolean(s.command) !== Boolean(s.url), 'give exactly one of command or url');

/** An OpenAPI 3 spec whose operations join the catalog each time Troupe starts. */
const OpenApiSourceSchema = z.object({ spec: z.string().min(1), authEnv: EnvName.optional() }).strict();

/** An OpenAI-compatible server (Ollama, llama.cpp, vLLM, OpenAI) serving text, vision and speech tasks. */
export const OpenAiServerSchema = z
  .object({
    /** How the run record names it, e.g. "ollama". */
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a short kebab-case name'),
    baseURL: z.url(),
    /** Chat model for the text tasks (summarization, translation, question answering). */
    model: z.string().min(1).optional(),
    /** A chat model that accepts images: enables image captioning and visual question answering. */
    visionModel: z.string().min(1).optional(),
    /** A model behind /audio/transcriptions: enables speech recognition. */
    transcriptionModel: z.string().min(1).optional(),
    /** The environment variable holding the API key, if the server wants one. */
    apiKeyEnv: EnvName.optional(),
    /** Only these task types (default: every one its models allow). */
    tasks: z.array(z.string()).optional(),
  })
  .strict()
  .refine((s) => s.model || s.visionModel || s.transcriptionModel, 'name at least one of model, visionModel or transcriptionModel');
export type OpenAiServer = z.infer<typeof OpenAiServerSchema>;

/** An OpenAI-compatible /embeddings endpoint: its vectors re-rank what lexical search finds. */
export const EmbeddingsSchema = z
  .object({ baseURL: z.url(), model: z.string().min(1), apiKeyEnv: EnvName.optional() })
  .strict();
export type EmbeddingsConfig = z.infer<typeof EmbeddingsSchema>;

export const ConfigSchema = z
  .object({
    /** Private or loopback hosts remote experts may reach (in addition to TROUPE_ALLOW_HOSTS). */
    allowHosts: z.array(z.string().min(1)).default([]),
    mcpServers: z.array(McpServerSchema).default([]),
    openapi: z.array(OpenApiSourceSchema).default([]),
    openaiCompatible: z.array(OpenAiServerSchema).default([]),
    embeddings: EmbeddingsSchema.optional(),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;

export const EMPTY_CONFIG: Config = ConfigSchema.parse({});

/** --config, else TROUPE_CONFIG, else $XDG_CONFIG_HOME/troupe/config.yaml (~/.config). */
export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TROUPE_CONFIG) return env.TROUPE_CONFIG;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'troupe', 'config.yaml');
}

/**
 * Reads the config file (YAML or JSON). The default file may be absent (no config); a file
 * the user named must exist. Every problem names the file and the field.
 */
export async function loadConfig(path?: string, env: NodeJS.ProcessEnv = process.env): Promise<Config & { path?: string }> {
  const explicit = path ?? env.TROUPE_CONFIG;
  const file = explicit ?? defaultConfigPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_CONFIG;
    throw new TroupeError(ErrorCode.InputNotFound, `cannot read the config file ${file}: ${(error as Error).message}`, { hint: 'check the path given with --config or TROUPE_CONFIG' });
  }
  let raw: unknown;
  try {
    raw = text.trim() ? parseYaml(text) : {};
  } catch (error) {
    throw new TroupeError(ErrorCode.InputCorrupt, `the config file ${file} is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = ConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new TroupeError(ErrorCode.InputCorrupt, `the config file ${file} is not valid:\n${z.prettifyError(parsed.error)}`, { hint: 'see "Configuration" in the README for the fields' });
  }
  return { ...parsed.data, path: file };
}
