import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { requireCredential } from '../../config/credential.js';

export interface LlmSpec {
  /** As the user wrote it, for the run record (never includes a key). */
  label: string;
  model: LanguageModel;
}

const USAGE = 'use openai:<model>, anthropic:<model>, ollama:<model> or openai-compatible:<baseURL>#<model>';

function needKey(name: string, provider: string): string {
  return requireCredential(name, `--llm ${provider}`, `export ${name}=... or choose another --llm`);
}

/**
 * Parses --llm / TROUPE_LLM into an AI SDK model. Only the providers named here exist;
 * anything else is a usage error that lists them.
 */
export function parseLlmSpec(spec: string, env: NodeJS.ProcessEnv = process.env): LlmSpec {
  const colon = spec.indexOf(':');
  const provider = colon > 0 ? spec.slice(0, colon) : spec;
  const rest = colon > 0 ? spec.slice(colon + 1).trim() : '';
  if (!rest) throw new TroupeError(ErrorCode.BadUsage, `--llm "${spec}" names no model`, { hint: USAGE });
  switch (provider) {
    case 'openai':
      return { label: spec, model: createOpenAI({ apiKey: needKey('OPENAI_API_KEY', 'openai') })(rest) };
    case 'anthropic':
      return { label: spec, model: createAnthropic({ apiKey: needKey('ANTHROPIC_API_KEY', 'anthropic') })(rest) };
    case 'ollama': {
      const host = (env.OLLAMA_HOST ?? 'http://localhost:11434').replace(/\/+$/, '');
      const baseURL = `${/^https?:\/\//.test(host) ? host : `http://${host}`}/v1`;
      return { label: spec, model: createOpenAICompatible({ name: 'ollama', baseURL, supportsStructuredOutputs: true })(rest) };
    }
    case 'openai-compatible': {
      const hash = rest.lastIndexOf('#');
      const baseURL = hash > 0 ? rest.slice(0, hash) : '';
      const model = hash > 0 ? rest.slice(hash + 1) : '';
      if (!/^https?:\/\//.test(baseURL) || !model) {
        throw new TroupeError(ErrorCode.BadUsage, `--llm "${spec}" must look like openai-compatible:<baseURL>#<model>`, { hint: 'e.g. openai-compatible:http://localhost:8080/v1#qwen2.5' });
      }
      const apiKey = env.TROUPE_LLM_API_KEY;
      return { label: spec, model: createOpenAICompatible({ name: 'openai-compatible', baseURL, supportsStructuredOutputs: true, ...(apiKey ? { apiKey } : {}) })(model) };
    }
    default:
      throw new TroupeError(ErrorCode.UnknownLlmProvider, `unknown LLM provider "${provider}" in --llm "${spec}"`, { hint: USAGE });
  }
}
