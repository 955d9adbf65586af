import { flatten } from '../../text/flatten.js';
import type { ApiDoc } from './apibench-data.js';

/** Splits identifiers into words: "deeplabv3_resnet101" → "deeplabv3 resnet101", "nvidia/ssd" → "nvidia ssd". */
export function identifierWords(s: string): string {
  return s.replace(/[_/.\-:]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
}

export type ApiField = 'name' | 'domain' | 'functionality' | 'description' | 'usage';

/** The fields of an API's documentation, as the selector indexes them. */
export function apiFields(api: ApiDoc): Record<ApiField, string> {
  return {
    name: identifierWords(`${api.api_name} ${api.api_call.replace(/\(.*$/s, '')} ${flatten(api.api_call.match(/'([^']+)'/g) ?? [])}`),
    domain: api.domain,
    functionality: flatten(api.functionality),
    description: flatten(api.description),
    usage: `${flatten(api.api_arguments)} ${flatten(api.example_code)} ${flatten(api.performance)}`,
  };
}
